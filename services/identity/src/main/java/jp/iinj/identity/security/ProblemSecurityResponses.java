package jp.iinj.identity.security;

import jp.iinj.httpapi.core.problems.ProblemType;
import jp.iinj.identity.problems.ProblemResponses;

import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** 401 and 403 of the JSON API as problems, like every other error of {@code /api/identity/**}. */
@Component
class ProblemSecurityResponses {

    private final ProblemResponses problems;

    ProblemSecurityResponses(ProblemResponses problems) {
        this.problems = problems;
    }

    AuthenticationEntryPoint authenticationEntryPoint() {
        return (request, response, exception) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            problems.write(ProblemType.UNAUTHORIZED, "A valid access token is required.", request, response);
        };
    }

    AccessDeniedHandler accessDeniedHandler() {
        return (request, response, exception) ->
                problems.write(ProblemType.FORBIDDEN, "Not allowed.", request, response);
    }
}
