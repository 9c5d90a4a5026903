package jp.iinj.identity.passwordreset;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
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

/** Anonymous: the mailbox is the credential. */
@RestController
@RequestMapping("/api/identity/password-resets")
@Tag(name = "Passwords", description = "Setting a password through a mailed link: a reset, or the first password of "
        + "an account created for someone. Anonymous: the mailbox is the credential.")
class PasswordResetController {

    private final PasswordResets resets;

    PasswordResetController(PasswordResets resets) {
        this.resets = resets;
    }

    /** Always 202, whether or not the e-mail has an account. */
    @Operation(operationId = "requestPasswordReset", summary = "Request a password reset",
            description = "Mails a reset link (valid 1 hour) if the e-mail has an ACTIVE account, with or without a "
            + "password; the answer is the same either way, so it tells nobody whether an account exists. A new "
            + "request spends the older links.")
    @ApiResponse(responseCode = "202", description = "Accepted, whether or not the e-mail has an account")
    @Anonymous
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    void request(@Valid @RequestBody PasswordResetRequest request) {
        resets.request(request.email());
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

    record PasswordResetRequest(@NotBlank @Email @Size(max = 254) String email) {
    }

    /**
     * The policy (12–128 characters, …) is checked with the account's e-mail at hand. {@link Verbatim}: the password
     * is compared as the sign-in form sends it, never normalised or refused by the text policy.
     */
    record NewPasswordRequest(@Verbatim @NotNull @Size(max = 1024) String password) {
    }
}
