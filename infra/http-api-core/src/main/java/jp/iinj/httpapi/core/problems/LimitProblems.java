package jp.iinj.httpapi.core.problems;

import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;

/**
 * Refusals of a request over a limit the refusing side knows and may tell: a body size (the gateway's per route, a
 * servlet service's body limit) and a request rate (the gateway's buckets).
 */
public final class LimitProblems {

    private LimitProblems() {
    }

    /** 413 naming the limit, e.g. "The request body exceeds the limit of 64 KB for this path." */
    public static ProblemException bodyTooLarge(DataSize limit) {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                "The request body exceeds the limit of " + describe(limit) + " for this path.");
    }

    /** 429 with {@code Retry-After}: the client may try again after this many seconds (at least one). */
    public static ProblemException tooManyRequests(long secondsToWait) {
        long seconds = Math.max(1, secondsToWait);
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return new ProblemException(ProblemType.TOO_MANY_REQUESTS,
                "Too many requests. Try again in " + seconds + (seconds == 1 ? " second." : " seconds."), headers);
    }

    /** A size as people write it: {@code 64 KB}, {@code 1 MB}, else in bytes. */
    static String describe(DataSize size) {
        long bytes = size.toBytes();
        if (bytes >= DataSize.ofMegabytes(1).toBytes() && bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + " MB";
        }
        if (bytes >= DataSize.ofKilobytes(1).toBytes() && bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
            return size.toKilobytes() + " KB";
        }
        return bytes + " bytes";
    }
}
