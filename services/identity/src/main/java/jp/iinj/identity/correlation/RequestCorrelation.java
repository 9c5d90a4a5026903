package jp.iinj.identity.correlation;

import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import jp.iinj.contracts.topics.CloudEventAttributes;

/** The correlation id of a request: header, MDC key and where the filter leaves it. */
public final class RequestCorrelation {

    public static final String HEADER = CloudEventAttributes.CORRELATION_ID_HTTP_HEADER;
    public static final String MDC_KEY = "correlationId";
    /** Request attribute holding the id, for code that runs outside the filter's MDC scope. */
    public static final String ATTRIBUTE = RequestCorrelation.class.getName() + ".id";

    private RequestCorrelation() {
    }

    public static Optional<String> of(HttpServletRequest request) {
        return Optional.ofNullable((String) request.getAttribute(ATTRIBUTE));
    }

    static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
