package jp.iinj.identity.sessions;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import jp.iinj.identity.accounts.Accounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends sign-in sessions (the servlet session between {@code /oauth2/authorize} and {@code /login}) whose account had
 * its access ended after they began ({@link Accounts#sessionsValidFrom}, kept in MongoDB, so every instance ends
 * them, whichever holds the session). Runs before Spring Security: an ended session is invalidated, so the request
 * goes on as anonymous and the next authorization request asks for the password again.
 * <p>
 * The sign-in time is noted in the session right after the request that signed in; a signed-in session without it
 * counts as begun before any ending.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1)
class EndedSessionsFilter extends OncePerRequestFilter {

    static final String SIGNED_IN_AT = EndedSessionsFilter.class.getName() + ".SIGNED_IN_AT";

    private static final Logger log = LoggerFactory.getLogger(EndedSessionsFilter.class);

    /** looked up at the first request: servlet filters are made while the web server starts, before MongoDB is set up */
    private final ObjectProvider<Accounts> accounts;
    private final Clock clock;

    EndedSessionsFilter(ObjectProvider<Accounts> accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        String accountId = signedInAccount(session);
        if (accountId != null && ended(accountId, (Instant) session.getAttribute(SIGNED_IN_AT))) {
            session.invalidate();
            log.info("Sign-in session of account {} ended: its access was ended after it signed in", accountId);
        }
        chain.doFilter(request, response);
        HttpSession after = request.getSession(false);
        if (signedInAccount(after) != null && after.getAttribute(SIGNED_IN_AT) == null) {
            after.setAttribute(SIGNED_IN_AT, clock.instant());
        }
    }

    private boolean ended(String accountId, Instant signedInAt) {
        return accounts.getObject().sessionsValidFrom(accountId)
                .map(validFrom -> signedInAt == null || signedInAt.isBefore(validFrom))
                .orElse(false);
    }

    private static String signedInAccount(HttpSession session) {
        if (session == null) {
            return null;
        }
        try {
            Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            return context instanceof SecurityContext security && security.getAuthentication() != null
                    && security.getAuthentication().isAuthenticated() ? security.getAuthentication().getName() : null;
        } catch (IllegalStateException invalidatedMeanwhile) {
            return null;
        }
    }
}
