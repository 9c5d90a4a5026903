package jp.iinj.identity.preferences;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import jp.iinj.httpapi.core.problems.ProblemException;
import jp.iinj.identity.accounts.Accounts;
import jp.iinj.identity.security.CurrentCaller;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code PUT /api/identity/me/language}: the signed-in person's language, which the portal then uses everywhere. */
@RestController
class LanguagePreferenceController {

    record LanguageChoice(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"ja", "en"})
            @NotNull @Pattern(regexp = "ja|en", message = "must be ja or en") String language) {
    }

    private final LanguagePreferences preferences;
    private final Accounts accounts;

    LanguagePreferenceController(LanguagePreferences preferences, Accounts accounts) {
        this.preferences = preferences;
        this.accounts = accounts;
    }

    @Operation(operationId = "chooseLanguage", summary = "Choose the signed-in person's language",
            description = "ja or en. Kept with the account; the next ID token carries it as the claim locale, so the "
            + "portal shows it on any browser. A person's token only: machine clients have no language.")
    @ApiResponse(responseCode = "204", description = "Chosen")
    @ApiResponse(responseCode = "400", description = "Not ja or en")
    @ApiResponse(responseCode = "403", description = "Not a person's token")
    @PutMapping(path = "/api/identity/me/language", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void choose(@Valid @RequestBody LanguageChoice choice) {
        String subject = CurrentCaller.principal().subject();
        if (accounts.findById(subject).isEmpty()) {
            throw ProblemException.forbidden("Only a person has a language.");
        }
        preferences.choose(subject, choice.language());
    }
}
