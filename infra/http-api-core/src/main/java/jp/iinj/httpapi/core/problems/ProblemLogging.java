package jp.iinj.httpapi.core.problems;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import jp.iinj.httpapi.core.correlation.CorrelationIds;

/**
 * How every stack logs the failures it answers: a client's mistake (4xx) at DEBUG in one line; anything else at ERROR
 * with the stack trace and the correlation id, which the client was told to quote.
 */
public final class ProblemLogging {

    private static final Logger log = LoggerFactory.getLogger(ProblemLogging.class);

    private ProblemLogging() {
    }

    public static void report(String method, String path, Problem problem, Throwable error, String correlationId) {
        if (!problem.status().is5xxServerError()) {
            log.debug("{} {} answered {} {}: {}", method, path, problem.status().value(), problem.type(), error.toString());
            return;
        }
        // set explicitly: a problem may be written outside the scope that keeps the id in the MDC (WebFlux's
        // last-resort handler, the servlet container's error dispatch)
        String previous = MDC.get(CorrelationIds.MDC_KEY);
        if (correlationId != null) {
            MDC.put(CorrelationIds.MDC_KEY, correlationId);
        }
        try {
            log.error("{} {} failed with {} [correlationId={}]", method, path, problem.status().value(), correlationId, error);
        } finally {
            if (previous == null) {
                MDC.remove(CorrelationIds.MDC_KEY);
            } else {
                MDC.put(CorrelationIds.MDC_KEY, previous);
            }
        }
    }
}
