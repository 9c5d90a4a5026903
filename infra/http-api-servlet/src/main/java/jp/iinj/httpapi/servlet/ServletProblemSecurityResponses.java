package jp.iinj.httpapi.servlet;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import jp.iinj.httpapi.core.problems.AccessProblems;

/**
 * Spring Security's refusals in a Spring MVC service as the same problem+json every other error is, worded as
 * {@link AccessProblems} says (the WebFlux services' {@code ProblemSecurityResponses} say the same). Wire the entry
 * point and the access-denied handler into a {@code SecurityFilterChain} ({@code exceptionHandling} and the resource
 * server). Being a bean, it is also the {@link RequestRejectedHandler} Spring Security's firewall uses.
 */
public final class ServletProblemSecurityResponses implements RequestRejectedHandler {

    private final ServletProblemWriter problems;

    public ServletProblemSecurityResponses(ServletProblemWriter problems) {
        this.problems = problems;
    }

    /** 401, with {@code WWW-Authenticate} as RFC 6750 asks. */
    public AuthenticationEntryPoint authenticationEntryPoint() {
        return (request, response, failure) -> problems.write(
                AccessProblems.unauthorized(failure, request.getHeader(HttpHeaders.AUTHORIZATION)), request, response);
    }

    /** 403, with {@code WWW-Authenticate: Bearer error="insufficient_scope"}. */
    public AccessDeniedHandler accessDeniedHandler() {
        return (request, response, denied) -> problems.write(AccessProblems.forbidden(), request, response);
    }

    /** 400 for what Spring Security's firewall refuses (path traversal, encoded slashes, ...). */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        problems.write(AccessProblems.requestRejected(), request, response);
    }
}
