package jp.iinj.identity.signinthrottle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jp.iinj.identity.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Service;

/**
 * Identity's own sign-in throttling, whoever calls it (the gateway limits too, but identity does not rely on it):
 * failed sign-ins are counted per client address and per account e-mail or machine client in fixed windows
 * ({@code iinj.identity.sign-in-throttle.*}); once a key has reached its maximum, every sign-in that carries it is
 * refused until its window ends, before any password is checked. Counts live in MongoDB, so several instances
 * count together. Only failures count: people who sign in successfully are never slowed down.
 */
@Service
public class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private final SignInFailureStore store;
    private final Clock clock;
    private final IdentityProperties.SignInThrottle limits;

    SignInThrottle(SignInFailureStore store, Clock clock, IdentityProperties properties) {
        this.store = store;
        this.clock = clock;
        this.limits = properties.signInThrottle();
    }

    /** How long this attempt must wait, if any of its keys has reached its maximum; empty: it may try. */
    public Optional<Duration> waitBefore(SignInAttempt attempt) {
        Instant now = clock.instant();
        Map<String, Window> windows = windows(attempt, now);
        Map<String, Integer> failures = store.failures(windows.keySet());
        return windows.entrySet().stream()
                .filter(window -> failures.getOrDefault(window.getKey(), 0) >= window.getValue().maxFailures())
                .map(window -> Duration.between(now, window.getValue().end()))
                .max(Duration::compareTo);
    }

    /** Counts a failed sign-in against each of the attempt's keys. */
    public void failed(SignInAttempt attempt) {
        Instant now = clock.instant();
        windows(attempt, now).forEach((id, window) -> store.countFailure(id, window.end().plus(window.length())));
    }

    /** The answer to a failed client authentication at the token endpoint, which counts it first. */
    public AuthenticationFailureHandler clientAuthenticationFailures() {
        return new ClientAuthenticationFailures(this);
    }

    private Map<String, Window> windows(SignInAttempt attempt, Instant now) {
        Map<String, Window> windows = new LinkedHashMap<>();
        for (ThrottledKey key : attempt.keys()) {
            Window window = key.kind() == ThrottledKey.Kind.ADDRESS
                    ? Window.containing(now, limits.addressWindow(), limits.addressMaxFailures())
                    : Window.containing(now, limits.accountWindow(), limits.accountMaxFailures());
            windows.put(key.digest() + ":" + window.number(), window);
        }
        return windows;
    }

    /** The n-th window of its length since the epoch: every instance agrees on it without talking to the others. */
    private record Window(long number, Duration length, int maxFailures) {

        static Window containing(Instant instant, Duration length, int maxFailures) {
            return new Window(instant.toEpochMilli() / length.toMillis(), length, maxFailures);
        }

        Instant end() {
            return Instant.ofEpochMilli((number + 1) * length.toMillis());
        }
    }
}
