package jp.iinj.eventfeeds.subscriptions;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jp.iinj.contracts.topics.Audience;
import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.eventfeeds.filters.FilterExpression;
import jp.iinj.eventfeeds.filters.FilterExpressions;
import jp.iinj.eventfeeds.sinks.SinkPolicy;
import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.httpapi.core.problems.InvalidField;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a new subscription's fields and names every problem at once. The sink's form is checked here; whether its
 * host resolves to addresses webhooks may reach needs a DNS lookup and is checked by {@link SubscriptionActions}.
 */
final class SubscriptionRules {

    static final int MAX_TYPES = 50;
    static final int MAX_SINK_LENGTH = 2048;
    private static final Set<String> BUREAUS = Set.of("hokkaido", "tohoku", "kanto", "chubu", "kinki", "chugoku",
            "shikoku", "kyushu", "okinawa");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SubscriptionRules() {
    }

    /** A new subscription's fields, checked. */
    record Checked(List<String> types, List<FilterExpression> filters, String filtersJson, URI sink,
                   Set<String> bureaus) {
    }

    /** The CloudEvents types of every public topic: only those ever enter the feeds. */
    static Set<String> publicTypes() {
        return TopicCatalogue.all().stream().filter(topic -> topic.audience() == Audience.PUBLIC)
                .flatMap(topic -> topic.eventTypes().stream()).map(type -> type.type())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    static Checked checked(SubscriptionRequests.NewSubscription request, SinkPolicy policy) {
        List<InvalidField> problems = new ArrayList<>();
        List<String> types = types(request.types(), problems);
        List<FilterExpression> filters = List.of();
        try {
            filters = FilterExpressions.parse(request.filters());
        } catch (FieldValidationException invalid) {
            problems.addAll(invalid.errors());
        }
        URI sink = sink(request.sink(), policy, problems);
        String protocol = request.protocol();
        if (protocol == null) {
            problems.add(new InvalidField("protocol", "must not be null; HTTP (Standard Webhooks)"));
        } else if (!protocol.equals(Subscription.HTTP) && !protocol.equalsIgnoreCase("webhook")) {
            problems.add(new InvalidField("protocol", "only HTTP (Standard Webhooks) is supported"));
        }
        Set<String> bureaus = bureaus(request.bureaus(), problems);
        if (!problems.isEmpty()) {
            throw new FieldValidationException(problems);
        }
        JsonNode filtersNode = request.filters();
        String filtersJson = filtersNode == null || filtersNode.isNull() ? "[]" : JSON.writeValueAsString(filtersNode);
        return new Checked(types, filters, filtersJson, sink, bureaus);
    }

    private static List<String> types(List<String> requested, List<InvalidField> problems) {
        if (requested == null) {
            return List.of();
        }
        if (requested.size() > MAX_TYPES) {
            problems.add(new InvalidField("types", "at most " + MAX_TYPES + " entries"));
            return List.of();
        }
        Set<String> known = publicTypes();
        Set<String> types = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String type = requested.get(i);
            if (type == null) {
                problems.add(new InvalidField("types[" + i + "]", "must not be null"));
            } else if (!known.contains(type)) {
                problems.add(new InvalidField("types[" + i + "]", "not a public event type of the platform, e.g. "
                        + "jp.iinj.membership.member-registered.v1"));
            } else {
                types.add(type);
            }
        }
        return List.copyOf(types);
    }

    private static URI sink(String requested, SinkPolicy policy, List<InvalidField> problems) {
        if (requested == null || requested.isBlank()) {
            problems.add(new InvalidField("sink", "must not be blank; the https URL deliveries go to"));
            return null;
        }
        if (requested.length() > MAX_SINK_LENGTH) {
            problems.add(new InvalidField("sink", "at most " + MAX_SINK_LENGTH + " characters"));
            return null;
        }
        URI sink;
        try {
            sink = new URI(requested);
        } catch (URISyntaxException notUrl) {
            problems.add(new InvalidField("sink", "not a URL"));
            return null;
        }
        if (!sink.isAbsolute() || sink.isOpaque()) {
            problems.add(new InvalidField("sink", "must be an absolute https URL"));
            return null;
        }
        var refused = policy.refusalOfForm(sink).or(() -> policy.refusalOfLiteral(sink.getHost()));
        if (refused.isPresent()) {
            problems.add(new InvalidField("sink", refused.get()));
            return null;
        }
        return sink;
    }

    private static Set<String> bureaus(List<String> requested, List<InvalidField> problems) {
        if (requested == null) {
            return Set.of();
        }
        if (requested.size() > BUREAUS.size()) {
            problems.add(new InvalidField("bureaus", "at most " + BUREAUS.size() + " entries"));
            return Set.of();
        }
        Set<String> bureaus = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String bureau = requested.get(i);
            if (bureau == null || !BUREAUS.contains(bureau.toLowerCase(Locale.ROOT)) || !bureau.equals(
                    bureau.toLowerCase(Locale.ROOT))) {
                problems.add(new InvalidField("bureaus[" + i + "]", "not a bureau id, e.g. kyushu"));
            } else {
                bureaus.add(bureau);
            }
        }
        return Set.copyOf(bureaus);
    }
}
