package jp.iinj.httpapi.servlet;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Problem responses for every failure the dispatcher sees: controllers, argument resolution, and handler lookup
 * (404, 405, 406, 415). Extending {@link ResponseEntityExceptionHandler} also keeps Boot's own one
 * ({@code spring.mvc.problemdetails.enabled}) from competing with this one. Filters that are no controllers (Spring
 * Authorization Server's {@code /oauth2/**} endpoints) keep their own error format.
 */
@RestControllerAdvice
class ProblemServletExceptionHandler extends ResponseEntityExceptionHandler {

    private final ServletProblemWriter problems;

    ProblemServletExceptionHandler(ServletProblemWriter problems) {
        this.problems = problems;
    }

    /** Everything the inherited handler does not know: our domain exceptions and the unexpected. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleOther(Exception error, HttpServletRequest request) {
        return render(error, new ServletWebRequest(request));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception error, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return render(error, (ServletWebRequest) request);
    }

    private ResponseEntity<Object> render(Exception error, ServletWebRequest request) {
        if (request.getResponse() != null && request.getResponse().isCommitted()) {
            // nothing can be said any more; the container ends the response
            return null;
        }
        ResponseEntity<ProblemDetail> problem = problems.toResponse(error, request.getRequest());
        return new ResponseEntity<>(problem.getBody(), problem.getHeaders(), problem.getStatusCode());
    }
}
