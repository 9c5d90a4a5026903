package jp.iinj.httpapi.core.correlation;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.iinj.contracts.topics.CloudEventAttributes;

/**
 * The correlation id of a request, one rule for every stack (the WebFlux services, the servlet identity service and
 * the gateway): the caller's {@code X-Correlation-Id} if it is 1–128 characters of {@code [A-Za-z0-9._-]}, else the
 * trace id of a valid W3C {@code traceparent}, else a new random UUID. Each stack's filter applies it and puts the id
 * in the response header {@link #HEADER}, the logging MDC under {@link #MDC_KEY} and every problem body.
 */
public final class CorrelationIds {

    /** The HTTP header carrying the id into and out of every service. */
    public static final String HEADER = CloudEventAttributes.CORRELATION_ID_HTTP_HEADER;

    /** Logging MDC key of the id; the same key the event consumers use. */
    public static final String MDC_KEY = CloudEventAttributes.CORRELATION_ID_MDC_KEY;

    /** W3C Trace Context header whose trace id is the fallback. */
    public static final String TRACEPARENT_HEADER = "traceparent";

    // the id ends up in logs and response headers: no room for log forging or header injection
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    // version-trace_id-parent_id-flags; later versions may append fields
    private static final Pattern TRACEPARENT =
            Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}(-.*)?");
    private static final String INVALID_VERSION = "ff";
    private static final String INVALID_TRACE_ID = "0".repeat(32);

    private CorrelationIds() {
    }

    /**
     * The id of a request with these headers: the caller's, the trace id, or a new one.
     *
     * @param correlationIdHeader the {@code X-Correlation-Id} header, or null
     * @param traceparentHeader   the {@code traceparent} header, or null
     */
    public static String of(String correlationIdHeader, String traceparentHeader) {
        return incoming(correlationIdHeader, traceparentHeader).orElseGet(CorrelationIds::newId);
    }

    /** The id the request brings, if any: the caller's sane {@code X-Correlation-Id}, else the trace id. */
    public static Optional<String> incoming(String correlationIdHeader, String traceparentHeader) {
        if (correlationIdHeader != null && SANE_ID.matcher(correlationIdHeader).matches()) {
            return Optional.of(correlationIdHeader);
        }
        if (traceparentHeader != null) {
            Matcher trace = TRACEPARENT.matcher(traceparentHeader.trim());
            if (trace.matches() && !trace.group(1).equals(INVALID_VERSION) && !trace.group(2).equals(INVALID_TRACE_ID)) {
                return Optional.of(trace.group(2));
            }
        }
        return Optional.empty();
    }

    /** A new id where the request brings none, or outside any request (a scheduled job): a random UUID. */
    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
