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

/** Anonymous: the mailbox is the credential. */
@RestController
@RequestMapping("/api/identity/password-resets")
class PasswordResetController {

    private final PasswordResets resets;

    PasswordResetController(PasswordResets resets) {
        this.resets = resets;
    }

    /** Always 202, whether or not the e-mail has an account. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    void request(@Valid @RequestBody PasswordResetRequest request) {
        resets.request(request.email());
    }

    /** Sets the password; the token is spent. */
    @PostMapping(path = "/{token}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void complete(@PathVariable String token, @Valid @RequestBody NewPasswordRequest request) {
        resets.complete(token, request.password());
    }

    record PasswordResetRequest(@NotBlank @Email @Size(max = 254) String email) {
    }

    /** The policy (12–128 characters, …) is checked with the account's e-mail at hand. */
    record NewPasswordRequest(@NotNull @Size(max = 1024) String password) {
    }
}
