package jp.iinj.httpapi.core.problems;

import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import jp.iinj.httpapi.core.json.RefusedTextException;

/**
 * Problems of a JSON request body that Jackson rejected. Jackson's own messages name Java types and are never
 * passed on; the client gets the JSON path of the offending property and a message of ours.
 */
public final class JsonBodyProblems {

    private JsonBodyProblems() {
    }

    public static Problem describe(JacksonException error) {
        if (error instanceof RefusedTextException refused) {
            return Problem.invalidFields(refused.refusals().stream()
                    .map(refusal -> new InvalidField(refusal.path().isEmpty() ? null : refusal.path(), refusal.message()))
                    .toList());
        }
        if (error instanceof UnrecognizedPropertyException) {
            return atPath(error, "Unknown property.");
        }
        if (error instanceof MismatchedInputException mismatch) {
            return atPath(error, expectation(mismatch));
        }
        if (error instanceof InputCoercionException) {
            return atPath(error, "Number out of range.");
        }
        if (error instanceof DatabindException) {
            // e.g. a request record's constructor refused the value
            return atPath(error, FailureProblems.INVALID_VALUE);
        }
        return Problem.of(ProblemType.MALFORMED_JSON, "The request body is not well-formed JSON.");
    }

    private static Problem atPath(JacksonException error, String message) {
        String path = path(error);
        if (path.isEmpty()) {
            return Problem.of(ProblemType.INVALID_REQUEST, "Request body: " + message);
        }
        return Problem.invalidFields(List.of(new InvalidField(path, message)));
    }

    /** The path in the property-path notation Bean Validation uses too: {@code offices[0].city}. */
    private static String path(JacksonException error) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : error.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expectation(MismatchedInputException mismatch) {
        JsonToken found = mismatch.getCurrentToken();
        // END_OBJECT: the object ended without the property, e.g. a record's int component
        if (mismatch instanceof InvalidNullException || found == JsonToken.VALUE_NULL || found == JsonToken.END_OBJECT) {
            return "Must be present and not null.";
        }
        Optional<JsonKind> expected = JsonKind.expectedFor(mismatch.getTargetType());
        if (mismatch instanceof InvalidFormatException invalid
                && (expected.isEmpty() || expected.equals(JsonKind.of(invalid.getValue())))) {
            // the right kind of JSON value but not an acceptable one, e.g. an unknown enum constant
            return FailureProblems.INVALID_VALUE;
        }
        return expected.map(kind -> "Expected " + kind.description + ".").orElse("Unexpected JSON value.");
    }

    private enum JsonKind {
        STRING("a string"), INTEGER("an integer"), NUMBER("a number"), BOOLEAN("a boolean"), ARRAY("an array"),
        OBJECT("an object");

        private final String description;

        JsonKind(String description) {
            this.description = description;
        }

        static Optional<JsonKind> expectedFor(Class<?> type) {
            if (type == null) {
                return Optional.empty();
            }
            if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class
                    || type.isEnum()) {
                return Optional.of(STRING);
            }
            if (type == int.class || type == long.class || type == short.class || type == byte.class
                    || type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
                    || type == BigInteger.class) {
                return Optional.of(INTEGER);
            }
            if (type == double.class || type == float.class || Number.class.isAssignableFrom(type)) {
                return Optional.of(NUMBER);
            }
            if (type == boolean.class || type == Boolean.class) {
                return Optional.of(BOOLEAN);
            }
            if (type.isArray() || Collection.class.isAssignableFrom(type)) {
                return Optional.of(ARRAY);
            }
            if (type.isRecord() || Map.class.isAssignableFrom(type)) {
                return Optional.of(OBJECT);
            }
            return Optional.empty();
        }

        static Optional<JsonKind> of(Object value) {
            if (value instanceof CharSequence) {
                return Optional.of(STRING);
            }
            if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
                return Optional.of(INTEGER);
            }
            if (value instanceof Number) {
                return Optional.of(NUMBER);
            }
            if (value instanceof Boolean) {
                return Optional.of(BOOLEAN);
            }
            return Optional.empty();
        }
    }
}
