package jp.iinj.identity.accounts;

import java.time.Clock;

import jp.iinj.identity.signinthrottle.SignInAttempt;
import jp.iinj.identity.signinthrottle.SignInThrottle;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Form login against the accounts, with lockout: the e-mail is normalised, a locked account is refused before its
 * password is checked (so the right password does not help while locked), a wrong password is counted, a success
 * resets the count. Every refusal is also counted by the {@link SignInThrottle}, per client address and e-mail.
 */
@Component
public class AccountAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginAttempts attempts;
    private final SignInThrottle throttle;

    AccountAuthenticationProvider(AccountStore store, LoginAttempts attempts, SignInThrottle throttle,
                                  PasswordEncoder passwordEncoder, Clock clock) {
        AccountUserDetailsService users = new AccountUserDetailsService(store, clock);
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(passwordEncoder);
        this.passwords.setUserDetailsPasswordService(users);
        this.attempts = attempts;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String email = authentication.getName() == null ? "" : Emails.normalise(authentication.getName());
        try {
            if (!Emails.plausible(email)) {
                throw new BadCredentialsException("Bad credentials");
            }
            UsernamePasswordAuthenticationToken normalised =
                    UsernamePasswordAuthenticationToken.unauthenticated(email, authentication.getCredentials());
            normalised.setDetails(authentication.getDetails());
            try {
                Authentication result = passwords.authenticate(normalised);
                attempts.succeeded(((UserDetails) result.getPrincipal()).getUsername());
                return result;
            } catch (BadCredentialsException wrongPassword) {
                attempts.failed(email);
                throw wrongPassword;
            }
        } catch (AuthenticationException refused) {
            throttle.failed(SignInAttempt.formLogin(clientAddress(authentication), email));
            throw refused;
        }
    }

    private static String clientAddress(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
