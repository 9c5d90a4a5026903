package jp.iinj.endtoend.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A small table language for who gets which status from which request:
 *
 * <pre>{@code
 * row("GET /api/members/organisations/{A}",
 *         expect(ANONYMOUS, 401), expect(MEMBER_A, 200), expect(MEMBER_B, 404), ..., others(403))
 * row("POST /api/identity/invitations", "{\"email\":\"{NEW_EMAIL}\",\"memberId\":\"{A}\"}", ...)
 * }</pre>
 *
 * A row is a request ({@code METHOD /path}, optionally a JSON body and {@linkplain Row#withHeader headers}) whose
 * {@code {PLACEHOLDERS}} the test resolves afresh for every cell, and the status every {@link Actor} must get. A row must name every actor (or end with
 * {@link #others}, or be {@link #everyone}): a new actor cannot be forgotten silently.
 */
public final class AccessMatrix {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Z_]+)}");

    private AccessMatrix() {
    }

    /** What one actor must get. */
    public record Expectation(Actor actor, int status) {
    }

    /** Every actor not named before it in the row. */
    public record Others(int status) {
    }

    public static Expectation expect(Actor actor, int status) {
        return new Expectation(actor, status);
    }

    public static Others others(int status) {
        return new Others(status);
    }

    /** The same answer for every actor, the anonymous one included. */
    public static Others everyone(int status) {
        return new Others(status);
    }

    public static Row row(String request, Object... expectations) {
        return row(request, null, expectations);
    }

    /**
     * @param request      {@code "METHOD /path"}, placeholders allowed
     * @param body         JSON, placeholders allowed, or {@code null} for no body
     * @param expectations {@link Expectation}s, optionally ending with {@link Others}
     */
    public static Row row(String request, String body, Object... expectations) {
        String[] methodAndPath = request.trim().split("\\s+", 2);
        if (methodAndPath.length != 2 || !methodAndPath[1].startsWith("/")) {
            throw new IllegalArgumentException("a row's request is \"METHOD /path\", not \"" + request + "\"");
        }
        Map<Actor, Integer> expected = new EnumMap<>(Actor.class);
        List<Object> flat = Arrays.asList(expectations);
        for (int i = 0; i < flat.size(); i++) {
            Object expectation = flat.get(i);
            if (expectation instanceof Expectation one) {
                if (expected.put(one.actor(), one.status()) != null) {
                    throw new IllegalArgumentException(request + ": " + one.actor() + " is named twice");
                }
            } else if (expectation instanceof Others rest && i == flat.size() - 1) {
                Arrays.stream(Actor.values()).forEach(actor -> expected.putIfAbsent(actor, rest.status()));
            } else {
                throw new IllegalArgumentException(request + ": expect(...) for each actor, others(...) only last");
            }
        }
        List<Actor> missing = Arrays.stream(Actor.values()).filter(actor -> !expected.containsKey(actor)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(request + ": no expectation for " + missing);
        }
        return new Row(methodAndPath[0], methodAndPath[1], body, Map.of(), expected, false);
    }

    /** One cell per (row, actor), in the table's order. */
    public static Stream<Cell> cells(Row... rows) {
        return Arrays.stream(rows).flatMap(row -> Arrays.stream(Actor.values())
                .map(actor -> new Cell(row, actor, row.expected().get(actor))));
    }

    /**
     * @param page a portal page: answers are HTML pages, never problems, and a redirect to sign in stands for "needs
     *             a signed-in person" (a bearer token is no portal session)
     */
    public record Row(String method, String path, String body, Map<String, String> headers, Map<Actor, Integer> expected,
                      boolean page) {

        public Row {
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
            expected = Map.copyOf(expected);
        }

        /** The same row with one more request header, e.g. {@code If-Match}; placeholders allowed in the value. */
        public Row withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Row(method, path, body, more, expected, page);
        }

        /** The same row as a portal page ({@link #page}). */
        public Row asPage() {
            return new Row(method, path, body, headers, expected, true);
        }

        /** The placeholders of the path, the body and the header values, e.g. {@code A}, {@code NEW_EMAIL}. */
        public List<String> placeholders() {
            List<String> names = new ArrayList<>();
            Matcher matcher = PLACEHOLDER.matcher(path + (body == null ? "" : body) + String.join(" ", headers.values()));
            while (matcher.find()) {
                if (!names.contains(matcher.group(1))) {
                    names.add(matcher.group(1));
                }
            }
            return names;
        }

        @Override
        public String toString() {
            StringBuilder request = new StringBuilder(method).append(' ').append(path);
            headers.forEach((name, value) -> request.append(" [").append(name).append(": ").append(value).append(']'));
            return request.toString();
        }
    }

    public record Cell(Row row, Actor actor, int expectedStatus) {

        /** The request with every placeholder replaced by its value. */
        public String path(Map<String, String> values) {
            return substitute(row.path(), values);
        }

        public String body(Map<String, String> values) {
            return row.body() == null ? null : substitute(row.body(), values);
        }

        public Map<String, String> headers(Map<String, String> values) {
            Map<String, String> resolved = new LinkedHashMap<>();
            row.headers().forEach((name, value) -> resolved.put(name, substitute(value, values)));
            return resolved;
        }

        @Override
        public String toString() {
            return row + " as " + actor + " -> " + expectedStatus;
        }

        private static String substitute(String template, Map<String, String> values) {
            Matcher matcher = PLACEHOLDER.matcher(template);
            StringBuilder result = new StringBuilder();
            while (matcher.find()) {
                String value = values.get(matcher.group(1));
                if (value == null) {
                    throw new IllegalArgumentException("no value for {" + matcher.group(1) + "} in " + template);
                }
                matcher.appendReplacement(result, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(result);
            return result.toString();
        }
    }
}
