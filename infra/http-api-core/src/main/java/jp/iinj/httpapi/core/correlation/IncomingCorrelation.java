package jp.iinj.httpapi.core.correlation;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which correlation id a request brings, the one rule for the WebFlux services and the servlet identity service: the
 * caller's {@code X-Correlation-Id} if it is 1–128 characters of {@code [A-Za-z0-9._-]}, else the trace id of a valid
 * W3C {@code traceparent}; empty when neither, and the service makes a new one.
 */
public final class IncomingCorrelation {

    // the id ends up in logs and response headers: no room for log forging or header injection
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    // version-trace_id-parent_id-flags; later versions may append fields
    private static final Pattern TRACEPARENT =
            Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}(-.*)?");
    private static final String INVALID_VERSION = "ff";
    private static final String INVALID_TRACE_ID = "0".repeat(32);

    private IncomingCorrelation() {
    }

    /**
     * @param correlationIdHeader the {@code X-Correlation-Id} header, or null
     * @param traceparentHeader   the {@code traceparent} header, or null
     */
    public static Optional<String> from(String correlationIdHeader, String traceparentHeader) {
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
}
