package jp.iinj.eventfeeds.filters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.httpapi.core.problems.InvalidField;
import jp.iinj.httpapi.core.text.TextPolicy;
import tools.jackson.databind.JsonNode;

/**
 * Reads a subscription's {@code filters} (a JSON array of filter expressions, CloudEvents Subscriptions API 3.2.4) and
 * refuses, with every problem named by its place, what the specification says to refuse: an unsupported dialect
 * ({@code sql} included: it is optional and not implemented here), an empty name or value, an empty {@code all} or
 * {@code any}. Beyond the specification, for a platform facing the internet: only the attributes platform events
 * carry may be named (a typo would otherwise match nothing, silently), and expressions are bounded in depth, size and
 * length.
 */
public final class FilterExpressions {

    /** The context attributes of platform events, and the platform's region extensions. */
    public static final Set<String> ATTRIBUTES = Set.of("id", "source", "type", "subject", "time", "specversion",
            "dataschema", "datacontenttype", "bureau", "prefecture", "cluster");
    public static final Set<String> DIALECTS = Set.of("exact", "prefix", "suffix", "all", "any", "not");

    static final int MAX_DEPTH = 8;
    static final int MAX_EXPRESSIONS = 64;
    static final int MAX_VALUE_LENGTH = 256;

    private final List<InvalidField> problems = new ArrayList<>();
    private int expressions;

    private FilterExpressions() {
    }

    /**
     * The expressions of {@code filters} (absent or null: none, every event matches).
     *
     * @throws FieldValidationException naming each problem by its path, e.g. {@code filters[0].all[1].exact.typo}
     */
    public static List<FilterExpression> parse(JsonNode filters) {
        if (filters == null || filters.isNull() || filters.isMissingNode()) {
            return List.of();
        }
        FilterExpressions parser = new FilterExpressions();
        List<FilterExpression> parsed = parser.array(filters, "filters", 0, false);
        if (!parser.problems.isEmpty()) {
            throw new FieldValidationException(parser.problems);
        }
        return parsed;
    }

    /** True when every expression matches: an event with no filters always does. */
    public static boolean allMatch(List<FilterExpression> filters, EventAttributes event) {
        return filters.stream().allMatch(filter -> filter.matches(event));
    }

    private List<FilterExpression> array(JsonNode node, String path, int depth, boolean nonEmpty) {
        if (!node.isArray()) {
            return refuse(path, "must be an array of filter expressions");
        }
        if (nonEmpty && node.isEmpty()) {
            return refuse(path, "must hold at least one filter expression");
        }
        List<FilterExpression> parsed = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            FilterExpression expression = expression(node.get(i), path + "[" + i + "]", depth + 1);
            if (expression != null) {
                parsed.add(expression);
            }
        }
        return parsed;
    }

    private FilterExpression expression(JsonNode node, String path, int depth) {
        if (++expressions > MAX_EXPRESSIONS) {
            if (expressions == MAX_EXPRESSIONS + 1) {
                problems.add(new InvalidField("filters", "at most " + MAX_EXPRESSIONS + " filter expressions in all"));
            }
            return null;
        }
        if (depth > MAX_DEPTH) {
            problems.add(new InvalidField(path, "filter expressions nest at most " + MAX_DEPTH + " deep"));
            return null;
        }
        if (!node.isObject() || node.size() != 1) {
            problems.add(new InvalidField(path, "must be an object with exactly one dialect, e.g. "
                    + "{\"exact\": {\"type\": \"…\"}}"));
            return null;
        }
        String dialect = node.propertyNames().iterator().next();
        JsonNode body = node.get(dialect);
        String at = path + "." + dialect;
        return switch (dialect) {
            case "exact" -> compared(attributes(body, at), FilterExpression.Exact::new);
            case "prefix" -> compared(attributes(body, at), FilterExpression.Prefix::new);
            case "suffix" -> compared(attributes(body, at), FilterExpression.Suffix::new);
            case "all" -> new FilterExpression.All(array(body, at, depth, true));
            case "any" -> new FilterExpression.Any(array(body, at, depth, true));
            case "not" -> {
                FilterExpression inner = expression(body, at, depth + 1);
                yield inner == null ? null : new FilterExpression.Not(inner);
            }
            default -> {
                problems.add(new InvalidField(path, "unsupported filter dialect '" + printable(dialect)
                        + "'; supported: exact, prefix, suffix, all, any, not"));
                yield null;
            }
        };
    }

    /** The attribute → value map of {@code exact}, {@code prefix} or {@code suffix}; null (with problems) if bad. */
    private Map<String, String> attributes(JsonNode body, String path) {
        if (!body.isObject() || body.isEmpty()) {
            problems.add(new InvalidField(path, "must name at least one attribute and its value"));
            return null;
        }
        int before = problems.size();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String name : body.propertyNames()) {
            JsonNode value = body.get(name);
            String at = path + "." + printable(name);
            if (!ATTRIBUTES.contains(name)) {
                problems.add(new InvalidField(at, "not an attribute of platform events; one of "
                        + String.join(", ", ATTRIBUTES.stream().sorted().toList())));
            } else if (!value.isString() || value.asString().isEmpty()) {
                problems.add(new InvalidField(at, "must be a non-empty string"));
            } else if (value.asString().length() > MAX_VALUE_LENGTH) {
                problems.add(new InvalidField(at, "at most " + MAX_VALUE_LENGTH + " characters"));
            } else if (TextPolicy.problemWith(value.asString(), TextPolicy.Lines.SINGLE).isPresent()) {
                // filters arrive as a JSON tree, which the body reader's text policy never sees
                problems.add(new InvalidField(at, TextPolicy.problemWith(value.asString(), TextPolicy.Lines.SINGLE)
                        .get()));
            } else {
                attributes.put(name, value.asString());
            }
        }
        return problems.size() == before ? attributes : null;
    }

    private static FilterExpression compared(Map<String, String> attributes,
                                             Function<Map<String, String>, FilterExpression> dialect) {
        return attributes == null ? null : dialect.apply(attributes);
    }

    private <T> List<T> refuse(String path, String why) {
        problems.add(new InvalidField(path, why));
        return List.of();
    }

    /** A name from the request, safe to echo in a problem: bounded and without control characters. */
    private static String printable(String name) {
        String cleaned = name.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return cleaned.length() > 40 ? cleaned.substring(0, 40) + "…" : cleaned;
    }
}
