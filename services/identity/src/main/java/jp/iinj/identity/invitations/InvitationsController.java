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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.iinj.httpapi.core.openapi.Anonymous;
import jp.iinj.httpapi.core.text.Verbatim;
import jp.iinj.httpapi.core.validation.FreeText;

@RestController
@RequestMapping("/api/identity/invitations")
@Tag(name = "Invitations", description = "Staff join an organisation by invitation of someone who acts for it, or "
        + "of an administrator")
class InvitationsController {

    private final Invitations invitations;

    InvitationsController(Invitations invitations) {
        this.invitations = invitations;
    }

    /** By a person acting for {@code memberId} (their token's {@code member_ids}) or an administrator. */
    @Operation(operationId = "invite", summary = "Invite someone to an organisation",
            description = "By a person acting for memberId (their token's member_ids) or an administrator. Mails an "
            + "invitation link, valid 7 days.")
    @ApiResponse(responseCode = "202", description = "The invitation is mailed")
    @ApiResponse(responseCode = "403", description = "The caller neither acts for the organisation nor is an "
            + "administrator")
    @ApiResponse(responseCode = "409", description = "The organisation is not an active member (suspended, "
            + "withdrawn, lapsed or rejected)")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    void invite(@Valid @RequestBody InvitationRequest request) {
        invitations.invite(CurrentCaller.principal(), request.email(), request.memberId());
    }

    /** Anonymous: the invitation token is the credential. */
    @Operation(operationId = "acceptInvitation", summary = "Accept an invitation",
            description = "The token of the invitation mail. Creates the account, or completes an existing one, "
            + "ACTIVE and MEMBER of the organisation; a person who did not act for it yet joins it as staff "
            + "(person-joined-member is published). The password follows the policy of password resets.")
    @ApiResponse(responseCode = "200", description = "The account, acting for the organisation")
    @ApiResponse(responseCode = "400", description = "Unknown token, or a display name or password refused: see "
            + "errors[].field")
    @ApiResponse(responseCode = "409", description = "The account with this e-mail is disabled, or the organisation "
            + "is not an active member now (the invitation stays usable while it lasts)")
    @ApiResponse(responseCode = "410", description = "The invitation was used or has expired")
    @Anonymous
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

    /** {@link Verbatim} password: see {@code PasswordResetController.NewPasswordRequest}. */
    record AcceptInvitationRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @FreeText(max = 200, required = true) String displayName,
            @Verbatim @NotNull @Size(max = 1024) String password) {
    }

    record AcceptedInvitation(String accountId, String email, String displayName, java.util.List<String> memberIds) {
    }
}
