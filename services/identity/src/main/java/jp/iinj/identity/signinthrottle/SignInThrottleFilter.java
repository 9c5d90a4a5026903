package jp.iinj.identity.signinthrottle;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.iinj.httpapi.core.problems.LimitProblems;
import jp.iinj.httpapi.servlet.ServletProblemWriter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in ({@code POST /login}, client authentication at {@code /oauth2/token}, …) whose address or
 * account is throttled: 429 {@code application/problem+json} with {@code Retry-After}, the login form included (a
 * redirect to "bad credentials" would hide why). Runs before Spring Security, after the forwarded headers and the
 * correlation id are known.
 */
@Component
class SignInThrottleFilter extends OncePerRequestFilter implements Ordered {

    // looked up at the first sign-in: filters are made with the web server, before the beans (and MongoDB client) of
    // the rest of the context
    private final ObjectProvider<SignInThrottle> throttle;
    private final ServletProblemWriter problems;

    SignInThrottleFilter(ObjectProvider<SignInThrottle> throttle, ServletProblemWriter problems) {
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Duration> wait = SignInAttempt.of(request).flatMap(attempt -> throttle.getObject().waitBefore(attempt));
        if (wait.isPresent()) {
            long seconds = (wait.get().toMillis() + 999) / 1000;
            problems.write(LimitProblems.tooManyRequests(seconds), request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    @Override
    public int getOrder() {
        return SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1;
    }
}
