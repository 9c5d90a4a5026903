package jp.iinj.gateway.correlation;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** W3C Trace Context {@code traceparent} values the gateway starts when a request arrives without one. */
public final class Traceparent {

    public static final String HEADER = "traceparent";

    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final String INVALID_TRACE_ID = "0".repeat(32);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private Traceparent() {
    }

    /**
     * A new {@code traceparent} (version 00, not sampled). Its trace id is the correlation id when that is a
     * trace id or a UUID (so logs and traces share one id), else random.
     */
    public static String start(String correlationId) {
        return "00-" + traceId(correlationId) + "-" + nonZeroHex(8) + "-00";
    }

    static String traceId(String correlationId) {
        if (correlationId != null) {
            String candidate = correlationId.replace("-", "").toLowerCase(Locale.ROOT);
            if (TRACE_ID.matcher(candidate).matches() && !candidate.equals(INVALID_TRACE_ID)) {
                return candidate;
            }
        }
        return nonZeroHex(16);
    }

    private static String nonZeroHex(int bytes) {
        byte[] random = new byte[bytes];
        do {
            RANDOM.nextBytes(random);
        } while (isZero(random));
        return HEX.formatHex(random);
    }

    private static boolean isZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
