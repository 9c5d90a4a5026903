package jp.iinj.identity.invitations;

import jp.iinj.identity.security.CurrentCaller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.iinj.identity.accounts.Account;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/identity/invitations")
class InvitationsController {

    private final Invitations invitations;

    InvitationsController(Invitations invitations) {
        this.invitations = invitations;
    }

    /** By a person acting for {@code memberId} (their token's {@code member_ids}) or an administrator. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    void invite(@Valid @RequestBody InvitationRequest request) {
        invitations.invite(CurrentCaller.principal(), request.email(), request.memberId());
    }

    /** Anonymous: the invitation token is the credential. */
    @PostMapping(path = "/{token}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    AcceptedInvitation accept(@PathVariable String token, @Valid @RequestBody AcceptInvitationRequest request) {
        Account account = invitations.accept(token, request.displayName(), request.password());
        return new AcceptedInvitation(account.id(), account.email(), account.displayName(),
                account.memberIds().stream().sorted().toList());
    }

    record InvitationRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 128) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "Invalid member id.")
            String memberId) {
    }

    record AcceptInvitationRequest(
            @NotBlank @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "Must not contain control characters.")
            String displayName,
            @NotNull @Size(max = 1024) String password) {
    }

    record AcceptedInvitation(String accountId, String email, String displayName, java.util.List<String> memberIds) {
    }
}
