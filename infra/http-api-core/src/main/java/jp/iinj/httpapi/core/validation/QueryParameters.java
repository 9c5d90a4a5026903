package jp.iinj.httpapi.core.validation;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.util.MultiValueMap;

import jp.iinj.httpapi.core.problems.InvalidField;

/**
 * The checks every allow-listed query makes before reading its values: no parameter it does not know, each given once
 * (unless repeatable) and with a value; a page size a whole number in range. Problems are collected, so a request
 * hears of all of them at once.
 */
public final class QueryParameters {

    /** An unknown parameter's name is the client's text: named in the problem, but not at any length. */
    private static final int MAX_PARAMETER_NAME = 64;
    private static final Pattern LIMIT_DIGITS = Pattern.compile("^[0-9]{1,3}$");

    private QueryParameters() {
    }

    /** Adds a problem for each parameter that is unknown, repeated (and not {@code repeatable}) or without a value. */
    public static void check(MultiValueMap<String, String> query, Set<String> known, Set<String> repeatable,
                             List<InvalidField> problems) {
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            String name = parameter.getKey();
            if (!known.contains(name)) {
                String shown = name.length() <= MAX_PARAMETER_NAME ? name : name.substring(0, MAX_PARAMETER_NAME) + "…";
                problems.add(new InvalidField(shown, "unknown parameter; known are "
                        + known.stream().sorted().collect(Collectors.joining(", "))));
            } else if (!repeatable.contains(name) && parameter.getValue().size() > 1) {
                problems.add(new InvalidField(name, "give it once"));
            } else if (parameter.getValue().contains(null)) {
                problems.add(new InvalidField(name, "give it a value (name=value)"));
            }
        }
    }

    /** The page size {@code value} asks for (at most 3 digits, 1 to {@code max}), or {@code fallback} when absent. */
    public static int limit(String name, String value, int fallback, int max, List<InvalidField> problems) {
        if (value == null) {
            return fallback;
        }
        int limit = LIMIT_DIGITS.matcher(value).matches() ? Integer.parseInt(value) : -1;
        if (limit < 1 || limit > max) {
            problems.add(new InvalidField(name, "a whole number from 1 to " + max));
            return fallback;
        }
        return limit;
    }
}
