package jp.iinj.identity.accounts;

import java.time.Clock;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Sign-in by e-mail. The {@link UserDetails}' username is the account id, so that it becomes the {@code sub} of the
 * tokens. Accounts that may not sign in (PENDING, DISABLED, no password yet) are reported as unknown, so the answer
 * does not tell whether an e-mail has an account. Not a bean: only the form-login chain uses it (see
 * {@link AccountAuthenticationProvider}).
 */
class AccountUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

    private final AccountStore store;
    private final Clock clock;

    AccountUserDetailsService(AccountStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        Account account = store.findByEmail(email).filter(Account::maySignIn)
                .orElseThrow(() -> new UsernameNotFoundException("no account that may sign in"));
        return User.withUsername(account.id())
                .password(account.passwordHash())
                .authorities(account.roles().stream().map(role -> "ROLE_" + role.name()).toArray(String[]::new))
                .accountLocked(account.lockedAt(clock.instant()))
                .build();
    }

    /** Re-encodes a hash of an older encoder (e.g. bcrypt) with the current one after a successful sign-in. */
    @Override
    public UserDetails updatePassword(UserDetails user, String newPassword) {
        store.findById(user.getUsername())
                .ifPresent(account -> store.upgradePasswordHash(account.id(), user.getPassword(), newPassword));
        return User.withUserDetails(user).password(newPassword).build();
    }
}
