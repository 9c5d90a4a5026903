package jp.iinj.httpapi.core.problems;

/**
 * 409 {@code conflict}: the request contradicts the resource's current state, e.g. a duplicate registration. Where a
 * client must tell the cases apart, {@link #because} names the case in the problem's {@code code} member.
 */
public final class ConflictException extends ProblemException {

    private final String code;

    public ConflictException(String detail) {
        this(detail, (Throwable) null);
    }

    public ConflictException(String detail, Throwable cause) {
        this(null, detail, cause);
    }

    private ConflictException(String code, String detail, Throwable cause) {
        super(ProblemType.CONFLICT, detail, cause);
        this.code = code;
    }

    /** @param code the case, kebab-case, stable for clients, e.g. {@code interest-already-open} */
    public static ConflictException because(String code, String detail) {
        return new ConflictException(code, detail, null);
    }

    @Override
    public String code() {
        return code;
    }
}
