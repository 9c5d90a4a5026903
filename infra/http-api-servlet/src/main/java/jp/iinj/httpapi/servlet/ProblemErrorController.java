package jp.iinj.httpapi.servlet;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's {@code /error} page: whatever ends there (a filter's exception, {@code sendError}, the container
 * refusing a request) is answered as a problem too, never with a stack trace or a Java class name.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private final ServletProblemWriter problems;

    ProblemErrorController(ServletProblemWriter problems) {
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            // asked for directly, not an error dispatch: there is no page here
            return problems.forStatus(HttpStatus.NOT_FOUND, null, request.getRequestURI(), request);
        }
        HttpStatusCode status = code instanceof Integer value && value >= 400 && value < 600
                ? HttpStatusCode.valueOf(value)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return problems.forStatus(status, error, uri instanceof String path ? path : request.getRequestURI(), request);
    }
}
