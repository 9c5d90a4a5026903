package jp.iinj.identity.problems;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every failure the dispatcher sees (controllers, argument resolution, 404/405/406/415) answered as a problem.
 * The OAuth2 endpoints ({@code /oauth2/**}) are filters, not controllers: they keep RFC 6749's error format.
 */
@RestControllerAdvice
class ProblemsAdvice {

    private final ProblemResponses problems;

    ProblemsAdvice(ProblemResponses problems) {
        this.problems = problems;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> handle(Exception error, HttpServletRequest request) {
        return problems.toResponse(error, request);
    }
}
