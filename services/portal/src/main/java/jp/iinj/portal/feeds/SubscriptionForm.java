package jp.iinj.portal.feeds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.util.MultiValueMap;

import jp.iinj.portal.feeds.FeedSubscriptions.NewSubscription;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The creation form: event types (none ticked: every type), the sink, up to {@value #ROWS} simple filters (exact or
 * prefix on {@code type}, {@code prefecture} or {@code cluster}) and, for everything else the CloudEvents
 * Subscriptions API allows ({@code suffix}, {@code all}, {@code any}, {@code not}), filters as JSON. The portal only
 * checks what it builds; the service judges every filter.
 *
 * @param bureaus    some of the bureaus the person covers; none: all of them
 * @param rows       the simple filters as typed, blank ones included (the form shows them again)
 * @param rawFilters a JSON array of filter expressions, or one expression
 */
record SubscriptionForm(List<String> types, List<String> bureaus, String sink, List<FilterRow> rows, String rawFilters) {

    static final int ROWS = 3;
    static final List<String> ATTRIBUTES = List.of("type", "prefecture", "cluster");
    static final List<String> DIALECTS = List.of("exact", "prefix");
    static final String PROTOCOL = "HTTP";
    private static final Set<String> FORM_FIELDS = Set.of("types", "bureaus", "sink", "rawFilters");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record FilterRow(String attribute, String dialect, String value) {

        boolean blank() {
            return value == null || value.isBlank();
        }
    }

    static SubscriptionForm empty() {
        List<FilterRow> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(new FilterRow("type", "exact", ""));
        }
        return new SubscriptionForm(List.of(), List.of(), "", rows, "");
    }

    /** From the posted form; the rows' three lists are parallel (every row posts all three, blank or not). */
    static SubscriptionForm of(MultiValueMap<String, String> form) {
        List<String> attributes = listOf(form, "filterAttribute");
        List<String> dialects = listOf(form, "filterDialect");
        List<String> values = listOf(form, "filterValue");
        List<FilterRow> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(new FilterRow(at(attributes, i, "type"), at(dialects, i, "exact"), at(values, i, "")));
        }
        String sink = form.getFirst("sink");
        String raw = form.getFirst("rawFilters");
        return new SubscriptionForm(chosen(form, "types"), chosen(form, "bureaus"), sink == null ? "" : sink.strip(), rows,
                raw == null ? "" : raw.strip());
    }

    /** The request, or the fields at fault (message keys) in {@code errors}; {@code bureauChoices} the person's. */
    NewSubscription request(List<String> bureauChoices, Map<String, String> errors) {
        if (sink.isEmpty()) {
            errors.put("sink", "feeds.error.sink");
        }
        if (!FeedEventTypes.publicTypes().containsAll(types)) {
            errors.put("types", "feeds.error.types");
        }
        if (!bureauChoices.containsAll(bureaus)) {
            errors.put("bureaus", "feeds.error.bureaus");
        }
        List<JsonNode> filters = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            FilterRow row = rows.get(i);
            if (row.blank()) {
                continue;
            }
            if (!ATTRIBUTES.contains(row.attribute()) || !DIALECTS.contains(row.dialect())) {
                errors.put("filterValue" + i, "feeds.error.filterRow");
                continue;
            }
            ObjectNode expression = JSON.createObjectNode();
            expression.putObject(row.dialect()).put(row.attribute(), row.value().strip());
            filters.add(expression);
        }
        if (!rawFilters.isEmpty()) {
            try {
                JsonNode raw = JSON.readTree(rawFilters);
                if (raw.isArray()) {
                    raw.forEach(filters::add);
                } else if (raw.isObject()) {
                    filters.add(raw);
                } else {
                    errors.put("rawFilters", "feeds.error.rawFilters");
                }
            } catch (JacksonException notJson) {
                errors.put("rawFilters", "feeds.error.rawFilters");
            }
        }
        return new NewSubscription(types, filters, sink, PROTOCOL, bureaus);
    }

    /** The API's {@code filters[3].any[0]} and {@code types[1]} belong to the form's filters and types. */
    static String formField(String apiField) {
        if (apiField == null || apiField.isBlank()) {
            return "";
        }
        if (apiField.startsWith("filters")) {
            return "rawFilters";
        }
        int end = apiField.indexOf('[');
        String field = end < 0 ? apiField : apiField.substring(0, end);
        return FORM_FIELDS.contains(field) ? field : "";
    }

    private static List<String> chosen(MultiValueMap<String, String> form, String name) {
        return listOf(form, name).stream().filter(value -> !value.isBlank()).distinct().toList();
    }

    private static List<String> listOf(MultiValueMap<String, String> form, String name) {
        List<String> values = form.get(name);
        return values == null ? List.of() : values;
    }

    private static String at(List<String> values, int index, String otherwise) {
        return index < values.size() && values.get(index) != null ? values.get(index) : otherwise;
    }
}
