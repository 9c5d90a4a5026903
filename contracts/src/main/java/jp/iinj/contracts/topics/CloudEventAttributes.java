package jp.iinj.contracts.topics;

/**
 * The CloudEvents attributes every platform event carries, as Kafka headers (binary content mode). The extension
 * attributes let feeds filter by region without reading payloads.
 */
public final class CloudEventAttributes {

    public static final String SPEC_VERSION = "1.0";

    public static final String HEADER_PREFIX = "ce_";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SPECVERSION = "ce_specversion";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String DATASCHEMA = "ce_dataschema";
    public static final String CONTENT_TYPE = "content-type";

    /** Extension: METI regional bureau id, e.g. {@code kanto} (see {@code reference-data/prefectures.v1.csv}). */
    public static final String BUREAU = "bureau";
    /** Extension: JIS X 0401 prefecture code, e.g. {@code 13}. */
    public static final String PREFECTURE = "prefecture";
    /** Extension: cluster id from the member registry's cluster catalogue. */
    public static final String CLUSTER = "cluster";
    /** Extension: the correlation id of the request or event that caused this event. */
    public static final String CORRELATION_ID = "correlationid";

    /** HTTP header carrying the correlation id into and out of every service. */
    public static final String CORRELATION_ID_HTTP_HEADER = "X-Correlation-Id";

    /**
     * Logging MDC key of the correlation id while a request or an event is handled, on every stack: a field of
     * every structured log line written meanwhile.
     */
    public static final String CORRELATION_ID_MDC_KEY = "correlationId";

    private CloudEventAttributes() {
    }

    public static String header(String extensionName) {
        return HEADER_PREFIX + extensionName;
    }
}
