package jp.iinj.identity.accounts;

import jp.iinj.identity.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Lockout: after {@code iinj.identity.lockout.max-failures} consecutive failed sign-ins the account is locked for
 * {@code cool-down}; a success starts the count again. Counted with atomic {@code $inc}, so concurrent attempts on
 * several instances are all counted.
 */
@Component
public class LoginAttempts {

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    private final AccountStore store;
    private final IdentityProperties.Lockout lockout;

    LoginAttempts(AccountStore store, IdentityProperties properties) {
        this.store = store;
        this.lockout = properties.lockout();
    }

    void failed(String normalisedEmail) {
        store.incrementFailedLogins(normalisedEmail)
                .filter(account -> account.failedLogins() >= lockout.maxFailures())
                .filter(account -> store.lockIfReached(account.id(), lockout.maxFailures(), lockout.coolDown()))
                .ifPresent(account -> log.warn("Account {} locked for {} after {} failed sign-ins", account.id(),
                        lockout.coolDown(), lockout.maxFailures()));
    }

    void succeeded(String accountId) {
        store.resetFailedLogins(accountId);
    }
}
