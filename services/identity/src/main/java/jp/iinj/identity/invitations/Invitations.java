package jp.iinj.identity.invitations;

import java.util.Set;

import jp.iinj.httpapi.core.access.PlatformPrincipal;
import jp.iinj.httpapi.core.problems.ConflictException;
import jp.iinj.httpapi.core.problems.ProblemException;
import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.identity.IdentityProperties;
import jp.iinj.identity.accounts.Account;
import jp.iinj.identity.accounts.Accounts;
import jp.iinj.identity.accounts.Emails;
import jp.iinj.identity.mail.AccountMails;
import jp.iinj.identity.onetimetokens.OneTimeToken;
import jp.iinj.identity.onetimetokens.OneTimeTokens;
import jp.iinj.identity.onetimetokens.TokenPurpose;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Staff join a member organisation by invitation: a person who acts for the organisation (or an administrator)
 * invites an e-mail; the mailed token (7 days) lets its owner create or complete an account that acts for the
 * organisation.
 */
@Service
public class Invitations {

    private static final Logger log = LoggerFactory.getLogger(Invitations.class);
    private static final Set<TokenPurpose> INVITATION = Set.of(TokenPurpose.INVITATION);

    private final Accounts accounts;
    private final OneTimeTokens tokens;
    private final AccountMails mails;
    private final IdentityProperties properties;

    Invitations(Accounts accounts, OneTimeTokens tokens, AccountMails mails, IdentityProperties properties) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.mails = mails;
        this.properties = properties;
    }

    /**
     * @throws ProblemException 403 when the caller neither acts for {@code memberId} nor is an administrator, 409
     *                          when the organisation is not an active member (suspended, withdrawn, lapsed, rejected)
     */
    public void invite(PlatformPrincipal inviter, String email, String memberId) {
        if (!inviter.actsFor(memberId) && !inviter.has(PlatformRole.ADMIN)) {
            throw ProblemException.forbidden("Only people who act for this organisation may invite to it.");
        }
        requireActive(memberId);
        String normalised = Emails.normalise(email);
        var ttl = properties.tokens().invitationTtl();
        String accountId = accounts.findByEmail(normalised).map(Account::id).orElse(null);
        String token = tokens.issue(TokenPurpose.INVITATION, accountId, normalised, memberId, inviter.subject(), ttl);
        mails.sendInvitation(normalised, memberId, token, ttl);
        log.info("{} invited someone to act for member {}", inviter.subject(), memberId);
    }

    /**
     * @throws ProblemException 400 for an unknown token or a refused password (the token is not spent then),
     *                          410 for a used or expired one, 409 for a disabled account or an organisation that
     *                          is not an active member now (the token is not spent: it works again after a
     *                          reinstatement, while it lasts)
     */
    public Account accept(String token, String displayName, String password) {
        OneTimeToken invitation = tokens.usable(token, INVITATION);
        Accounts.checkPassword(invitation.email(), password);
        requireActive(invitation.memberId());
        tokens.spend(token, INVITATION);
        return accounts.acceptInvitation(invitation.email(), invitation.memberId(), displayName, password);
    }

    private void requireActive(String memberId) {
        if (!accounts.isActiveMember(memberId)) {
            throw new ConflictException("The organisation is not an active member (suspended, withdrawn, lapsed or "
                    + "rejected): nobody can join it now.");
        }
    }
}
