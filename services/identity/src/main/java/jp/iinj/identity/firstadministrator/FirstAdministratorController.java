package jp.iinj.identity.firstadministrator;

import java.net.URI;
import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import jp.iinj.httpapi.core.openapi.Anonymous;
import jp.iinj.httpapi.core.problems.ProblemException;
import jp.iinj.httpapi.core.problems.ResourceNotFoundException;
import jp.iinj.httpapi.core.text.Verbatim;
import jp.iinj.httpapi.core.validation.EmailAddress;
import jp.iinj.httpapi.core.validation.FreeText;
import jp.iinj.identity.accounts.Account;
import jp.iinj.identity.accounts.Accounts;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The first administrator without a restart: the portal's {@code /setup} page, opened from the local platform's
 * banner, posts here with the link's one-time token ({@link SetupLink}). Deployments use
 * {@code IINJ_IDENTITY_BOOTSTRAP_ADMIN_EMAIL} instead.
 */
@RestController
@RequestMapping(path = "/api/identity/first-administrator", produces = MediaType.APPLICATION_JSON_VALUE)
class FirstAdministratorController {

    record SetupState(boolean open, Instant expiresAt) {
    }

    record FirstAdministratorRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull @Size(max = 200) String token,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @EmailAddress String email,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @FreeText(max = 100, required = true) String displayName,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Verbatim @NotNull @Size(max = 1024) String password) {
    }

    record CreatedAdministrator(String accountId, String email, String displayName) {
    }

    private final SetupLink link;
    private final Accounts accounts;

    FirstAdministratorController(SetupLink link, Accounts accounts) {
        this.link = link;
        this.accounts = accounts;
    }

    @Operation(operationId = "firstAdministratorSetup", summary = "Whether the first administrator's set-up link is open",
            description = "200 while a set-up link was configured, has not expired or been used, and no administrator exists.")
    @ApiResponse(responseCode = "200", description = "The link is open")
    @ApiResponse(responseCode = "404", description = "No link is open")
    @Anonymous
    @GetMapping("/setup")
    SetupState setup() {
        if (link.state() != SetupLink.State.OPEN) {
            throw new ResourceNotFoundException("No set-up link is open.");
        }
        return new SetupState(true, link.expiresAt().orElse(null));
    }

    @Operation(operationId = "createFirstAdministrator", summary = "Create the first administrator with the set-up link's token",
            description = "Single use. The password follows the policy of password resets.")
    @ApiResponse(responseCode = "201", description = "The administrator, who can sign in at once")
    @ApiResponse(responseCode = "400", description = "A field is refused: see errors[].field")
    @ApiResponse(responseCode = "404", description = "No link is configured, or the token is not the link's")
    @ApiResponse(responseCode = "409", description = "The e-mail has an account already")
    @ApiResponse(responseCode = "410", description = "The link expired or was used, or an administrator exists")
    @Anonymous
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CreatedAdministrator> create(@Valid @RequestBody FirstAdministratorRequest request) {
        SetupLink.State state = link.state();
        if (state == SetupLink.State.CLOSED || !link.matches(request.token())) {
            throw new ResourceNotFoundException("No such set-up link.");
        }
        if (state == SetupLink.State.GONE) {
            throw gone();
        }
        Accounts.checkPassword(request.email().strip().toLowerCase(java.util.Locale.ROOT), request.password());
        if (!link.claim()) {
            throw gone();
        }
        Account created;
        try {
            created = accounts.firstAdministrator(request.email(), request.displayName(), request.password())
                    .orElseThrow(FirstAdministratorController::gone);
        } catch (RuntimeException failed) {
            link.release();
            throw failed;
        }
        return ResponseEntity.created(URI.create("/api/identity/admin/accounts/" + created.id()))
                .body(new CreatedAdministrator(created.id(), created.email(), created.displayName()));
    }

    private static ProblemException gone() {
        return ProblemException.gone("The set-up link expired or was used, or an administrator exists.");
    }
}
