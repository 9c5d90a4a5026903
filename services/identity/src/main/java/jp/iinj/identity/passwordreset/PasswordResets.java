package jp.iinj.identity.passwordreset;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import jp.iinj.httpapi.core.problems.ProblemException;
import jp.iinj.identity.IdentityProperties;
import jp.iinj.identity.accounts.Account;
import jp.iinj.identity.accounts.AccountStatus;
import jp.iinj.identity.accounts.Accounts;
import jp.iinj.identity.mail.AccountMails;
import jp.iinj.identity.onetimetokens.OneTimeToken;
import jp.iinj.identity.onetimetokens.OneTimeTokens;
import jp.iinj.identity.onetimetokens.TokenPurpose;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * "Forgot my password" and the first password of new accounts: a mailed one-time token (1 hour for a reset, see
 * {@code iinj.identity.tokens.*}) lets the owner of the mailbox choose a password.
 */
@Service
public class PasswordResets {

    static final Set<TokenPurpose> PASSWORD_PURPOSES = Set.of(TokenPurpose.PASSWORD_RESET, TokenPurpose.SET_PASSWORD);

    private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);

    private final Accounts accounts;
    private final OneTimeTokens tokens;
    private final AccountMails mails;
    private final IdentityProperties properties;
    private final Clock clock;

    PasswordResets(Accounts accounts, OneTimeTokens tokens, AccountMails mails, IdentityProperties properties,
                   Clock clock) {
        this.clock = clock;
        this.accounts = accounts;
        this.tokens = tokens;
        this.mails = mails;
        this.properties = properties;
    }

    /**
     * Mails a reset link if the e-mail has an ACTIVE account; does nothing otherwise. Called by
     * {@link ResetRequestWorker}, never on the request path: the request only records the e-mail
     * ({@link ResetRequests}), so its answer cannot tell, by content or by time, which e-mails have accounts. An
     * account that got {@code mailsPerHour} reset links within the last hour gets no more until the hour has passed.
     */
    void sendResetLink(String email, int mailsPerHour) {
        accounts.findByEmail(email)
                .filter(account -> account.status() == AccountStatus.ACTIVE)
                .ifPresentOrElse(account -> {
                    if (tokens.issuedSince(account.id(), TokenPurpose.PASSWORD_RESET,
                            clock.instant().minus(Duration.ofHours(1))) >= mailsPerHour) {
                        log.warn("Password reset for account {} not mailed: {} links within the last hour already",
                                account.id(), mailsPerHour);
                        return;
                    }
                    tokens.revokeAll(account.id(), Set.of(TokenPurpose.PASSWORD_RESET));
                    var ttl = properties.tokens().passwordResetTtl();
                    String token = tokens.issue(TokenPurpose.PASSWORD_RESET, account.id(), account.email(), null, null,
                            ttl);
                    mails.sendPasswordReset(account.email(), account.displayName(), token, ttl);
                    log.info("Password reset link mailed to account {}", account.id());
                }, () -> log.info("Password reset requested for an e-mail without an active account"));
    }

    /**
     * Sets the password with a reset or set-password token.
     *
     * @throws ProblemException 400 for an unknown token or a password the policy refuses (the token is not spent
     *                          then), 410 for a used or expired token
     */
    public void complete(String token, String password) {
        OneTimeToken usable = tokens.usable(token, PASSWORD_PURPOSES);
        Account account = accounts.findById(usable.accountId())
                .filter(candidate -> candidate.status() == AccountStatus.ACTIVE)
                .orElseThrow(() -> ProblemException.gone("This link is no longer valid."));
        Accounts.checkPassword(account.email(), password);
        tokens.spend(token, PASSWORD_PURPOSES);
        accounts.setPassword(account, password);
        tokens.revokeAll(account.id(), PASSWORD_PURPOSES);
    }
}
