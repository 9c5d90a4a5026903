package jp.iinj.identity.passwordreset;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.iinj.httpapi.core.openapi.Anonymous;
import jp.iinj.httpapi.core.text.Verbatim;

/** Setting the password with a mailed token. Anonymous: the mailbox is the credential. */
@RestController
@RequestMapping("/api/identity/password-resets")
@Tag(name = PasswordResetRequestController.TAG, description = PasswordResetRequestController.TAG_DESCRIPTION)
class PasswordResetController {

    private final PasswordResets resets;

    PasswordResetController(PasswordResets resets) {
        this.resets = resets;
    }

    /** Sets the password; the token is spent. */
    @Operation(operationId = "setPassword", summary = "Set a password with a mailed link",
            description = "The token of a reset or set-password mail. The password: 12-128 characters, not "
            + "containing the part of the e-mail before the @. The token is spent, and so are the account's other "
            + "reset links.")
    @ApiResponse(responseCode = "204", description = "The password is set")
    @ApiResponse(responseCode = "400", description = "Unknown token, or a password the policy refuses (the token "
            + "is not spent): see errors[].field")
    @ApiResponse(responseCode = "410", description = "The link was used or has expired")
    @Anonymous
    @PostMapping(path = "/{token}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void complete(@PathVariable String token, @Valid @RequestBody NewPasswordRequest request) {
        resets.complete(token, request.password());
    }

    /**
     * The policy (12–128 characters, …) is checked with the account's e-mail at hand. {@link Verbatim}: the password
     * is compared as the sign-in form sends it, never normalised or refused by the text policy.
     */
    record NewPasswordRequest(@Verbatim @NotNull @Size(max = 1024) String password) {
    }
}
