package jp.iinj.identity.signinthrottle;

import jp.iinj.identity.signinpage.SignInPage;

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
 * account is throttled: 429 with {@code Retry-After}, {@code application/problem+json} for clients and the sign-in page
 * with the reason for a browser at the login form ({@code Accept: text/html}; a redirect to "bad credentials" would hide why). Runs before Spring Security, after the forwarded headers and the
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
            if (SignInAttempt.isFormLogin(request) && acceptsPage(request)) {
                // a person at the sign-in form (a browser) reads a page, never a problem body
                response.setStatus(429);
                response.setHeader("Retry-After", Long.toString(seconds));
                response.setContentType("text/html;charset=UTF-8");
                response.getWriter().write(SignInPage.render(SignInPage.language(request), SignInPage.Notice.THROTTLED,
                        null, null, seconds));
                return;
            }
            problems.write(LimitProblems.tooManyRequests(seconds), request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean acceptsPage(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }

    @Override
    public int getOrder() {
        return SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1;
    }
}
