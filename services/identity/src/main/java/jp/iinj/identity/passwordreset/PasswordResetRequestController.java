package jp.iinj.identity.passwordreset;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.iinj.httpapi.core.openapi.Anonymous;

/**
 * "Forgot my password": the request is checked for form and recorded, nothing more, so that its answer is the same in
 * content and in time whether or not the e-mail has an account. The lookup, the token and the mail happen later
 * ({@link ResetRequestWorker}). A class of its own so that nothing on this path can reach the accounts
 * ({@code PasswordResetRequestPathTest}).
 */
@RestController
@RequestMapping("/api/identity/password-resets")
@Tag(name = PasswordResetRequestController.TAG, description = PasswordResetRequestController.TAG_DESCRIPTION)
class PasswordResetRequestController {

    static final String TAG = "Passwords";
    static final String TAG_DESCRIPTION = "Setting a password through a mailed link: a reset, or the first password of "
            + "an account created for someone. Anonymous: the mailbox is the credential.";

    private final ResetRequests requests;

    PasswordResetRequestController(ResetRequests requests) {
        this.requests = requests;
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
        requests.record(request.email());
    }

    record PasswordResetRequest(@NotBlank @Email @Size(max = 254) String email) {
    }
}
