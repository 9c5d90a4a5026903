package jp.iinj.eventfeeds.filters;

import java.util.List;
import java.util.Map;

/**
 * One filter expression of the CloudEvents Subscriptions API (section 3.2.4), in the six mandatory dialects. Parsed and
 * checked by {@link FilterExpressions}; a subscription delivers an event only when every one of its expressions
 * matches.
 */
public sealed interface FilterExpression {

    boolean matches(EventAttributes event);

    /** Every named attribute equals its value exactly (case-sensitive). */
    record Exact(Map<String, String> attributes) implements FilterExpression {
        public Exact {
            attributes = Map.copyOf(attributes);
        }

        @Override
        public boolean matches(EventAttributes event) {
            return attributes.entrySet().stream().allMatch(a -> a.getValue().equals(event.get(a.getKey())));
        }
    }

    /** Every named attribute starts with its value (case-sensitive). */
    record Prefix(Map<String, String> attributes) implements FilterExpression {
        public Prefix {
            attributes = Map.copyOf(attributes);
        }

        @Override
        public boolean matches(EventAttributes event) {
            return attributes.entrySet().stream().allMatch(a -> {
                String value = event.get(a.getKey());
                return value != null && value.startsWith(a.getValue());
            });
        }
    }

    /** Every named attribute ends with its value (case-sensitive). */
    record Suffix(Map<String, String> attributes) implements FilterExpression {
        public Suffix {
            attributes = Map.copyOf(attributes);
        }

        @Override
        public boolean matches(EventAttributes event) {
            return attributes.entrySet().stream().allMatch(a -> {
                String value = event.get(a.getKey());
                return value != null && value.endsWith(a.getValue());
            });
        }
    }

    /** Every nested expression matches (at least one). */
    record All(List<FilterExpression> expressions) implements FilterExpression {
        public All {
            expressions = List.copyOf(expressions);
        }

        @Override
        public boolean matches(EventAttributes event) {
            return expressions.stream().allMatch(expression -> expression.matches(event));
        }
    }

    /** At least one nested expression matches. */
    record Any(List<FilterExpression> expressions) implements FilterExpression {
        public Any {
            expressions = List.copyOf(expressions);
        }

        @Override
        public boolean matches(EventAttributes event) {
            return expressions.stream().anyMatch(expression -> expression.matches(event));
        }
    }

    /** The nested expression does not match. */
    record Not(FilterExpression expression) implements FilterExpression {
        @Override
        public boolean matches(EventAttributes event) {
            return !expression.matches(event);
        }
    }
}
