package jp.iinj.portal.gateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An API's RFC 9457 answer to a call the portal made for a person: what the pages turn into a message the person
 * understands (never shown as it came).
 *
 * @param errors the fields the API named, with its message for each ({@code field} null: the request as a whole)
 * @param code   which case of the type it is (the problem's {@code code} member, e.g. {@code interest-already-open}),
 *               or null: pages decide on it, never on the English detail
 */
public final class ApiProblem extends RuntimeException {

    public record FieldError(String field, String message) {
    }

    private final int status;
    private final String type;
    private final String title;
    private final String detail;
    private final List<FieldError> errors;
    private final String code;

    public ApiProblem(int status, String type, String title, String detail, List<FieldError> errors) {
        this(status, type, title, detail, errors, null);
    }

    public ApiProblem(int status, String type, String title, String detail, List<FieldError> errors, String code) {
        super(status + " " + title + (detail == null ? "" : ": " + detail));
        this.code = code;
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The case's code, or "" when the API named none. */
    public String code() {
        return code == null ? "" : code;
    }

    /** The type's last path segment, e.g. {@code invalid-request} for {@code https://…/problems/invalid-request}. */
    public String typeName() {
        if (type == null) {
            return "";
        }
        int slash = type.lastIndexOf('/');
        return slash < 0 ? type : type.substring(slash + 1);
    }

    /** Field name to message, the first message of each field; the request-wide ones under {@code ""}. */
    public Map<String, String> fieldMessages() {
        Map<String, String> byField = new LinkedHashMap<>();
        errors.forEach(error -> byField.putIfAbsent(error.field() == null ? "" : error.field(), error.message()));
        return byField;
    }

    public boolean is(int expectedStatus) {
        return status == expectedStatus;
    }
}
