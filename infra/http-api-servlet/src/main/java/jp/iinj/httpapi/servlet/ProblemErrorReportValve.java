package jp.iinj.httpapi.servlet;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

import jp.iinj.httpapi.core.correlation.CorrelationIds;
import jp.iinj.httpapi.core.problems.Problem;
import jp.iinj.httpapi.core.problems.ServerRefusals;

/**
 * Tomcat's last word, as a problem instead of its HTML error page: what Tomcat answers on its own before any servlet
 * runs (400 for a request line or headers it cannot parse or hold, a NUL or bare CR in a header, headers or URI over
 * the limit; 501 for a transfer coding it does not know, answered 400 here as RFC 9112 §6.3 asks) and any error
 * response that nobody wrote a body for. It
 * replaces the host's {@link ErrorReportValve} and keeps its guards: nothing is written over a body, a committed
 * response, or a connection that allows no more I/O.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private final JsonMapper json;

    public ProblemErrorReportValve(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String correlationId = correlationId(request);
        // the path is not trusted: the request may not have been readable
        Problem problem = status == HttpStatus.NOT_IMPLEMENTED.value() && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                ? ServerRefusals.unsupportedTransferCoding()
                : ServerRefusals.forStatus(HttpStatusCode.valueOf(status));
        try {
            response.setStatus(problem.status().value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.setHeader(CorrelationIds.HEADER, correlationId);
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(json.writeValueAsString(problem.toProblemDetail(null, correlationId)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot take a body any more: nothing more to say, as Tomcat's own
        }
    }

    /** The id the filter gave the request if it ran, else the one its headers bring, else a new one. */
    private static String correlationId(Request request) {
        Object given = request.getAttribute(CorrelationIdServletFilter.ATTRIBUTE);
        return given instanceof String id ? id : CorrelationIds.of(request.getHeader(CorrelationIds.HEADER),
                request.getHeader(CorrelationIds.TRACEPARENT_HEADER));
    }
}
