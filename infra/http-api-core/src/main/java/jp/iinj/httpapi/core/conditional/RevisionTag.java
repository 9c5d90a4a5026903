package jp.iinj.httpapi.core.conditional;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.iinj.httpapi.core.problems.PreconditionFailedException;
import jp.iinj.httpapi.core.problems.PreconditionRequiredException;

/**
 * Strong entity tags made of an aggregate's revision ({@code "7"}), for {@code ETag} and {@code If-Match}
 * (RFC 9110 §13.1.1). Updates must name the revision they were based on, so a stale write is refused (412) instead
 * of silently overwriting someone else's change.
 */
public final class RevisionTag {

    private static final Pattern STRONG_REVISION = Pattern.compile("^\"(\\d{1,18})\"$");

    private RevisionTag() {
    }

    public static String of(long revision) {
        return "\"" + revision + "\"";
    }

    /**
     * The revision an {@code If-Match} header names. Missing: 428. Anything but one strong tag of this form
     * (a list, {@code *}, a weak tag, another service's tag) cannot match a current revision: 412.
     */
    public static long expectedRevision(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException("Send If-Match with the ETag of the version you read.");
        }
        Matcher matcher = STRONG_REVISION.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw new PreconditionFailedException("If-Match " + abbreviated(ifMatch)
                    + " does not name a current version; read the resource again and send its ETag.");
        }
        return Long.parseLong(matcher.group(1));
    }

    /** For actions where {@code If-Match} is optional: {@code null} without one, else as {@link #expectedRevision}. */
    public static Long expectedRevisionIfAny(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : expectedRevision(ifMatch);
    }

    private static String abbreviated(String value) {
        String stripped = value.strip();
        return stripped.length() <= 40 ? stripped : stripped.substring(0, 40) + "…";
    }
}
