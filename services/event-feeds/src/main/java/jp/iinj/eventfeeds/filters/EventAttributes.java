package jp.iinj.eventfeeds.filters;

import java.util.Map;

/**
 * The CloudEvents context attributes of one event, as filters see them: by lower-case name, string values (the
 * binary-mode {@code ce_} headers as received). An attribute the event does not carry is absent, and no filter on it
 * but {@code not} matches.
 */
public record EventAttributes(Map<String, String> values) {

    public EventAttributes {
        values = Map.copyOf(values);
    }

    public static EventAttributes of(Map<String, String> values) {
        return new EventAttributes(values);
    }

    /** The attribute's value, or null when the event does not carry it. */
    public String get(String name) {
        return values.get(name);
    }
}
