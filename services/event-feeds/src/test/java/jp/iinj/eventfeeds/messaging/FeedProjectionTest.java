package jp.iinj.eventfeeds.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import jp.iinj.contracts.topics.Audience;
import jp.iinj.contracts.topics.EventType;
import jp.iinj.contracts.topics.Topic;
import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.eventing.consumer.EventSubscription;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Only public events enter feeds, and public events carry no personal data: checked over the whole topic catalogue,
 * so a topic or an event type added later is checked without anyone remembering to.
 */
class FeedProjectionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Property names that would hold data about a person rather than an organisation or a case. */
    private static final List<String> PERSONAL = List.of("email", "mail", "phone", "fax", "person", "contact",
            "firstname", "lastname", "fullname", "familyname", "givenname", "birth", "address", "note", "message",
            "text", "recipient");
    /** Names that contain such a word but hold no personal data: a due date. */
    private static final Set<String> NOT_PERSONAL = Set.of("firstcontactdueat");

    private static Set<String> subscribedTopics() throws Exception {
        FeedProjection projection = new FeedProjection();
        Set<String> topics = new java.util.TreeSet<>();
        for (Method method : FeedProjection.class.getDeclaredMethods()) {
            if (method.getReturnType() == EventSubscription.class) {
                method.setAccessible(true);
                EventSubscription subscription = (EventSubscription) method.invoke(projection,
                        new Object[method.getParameterCount()]);
                topics.add(subscription.topic().name());
            }
        }
        return topics;
    }

    @Test
    void everyPublicTopicAndNoInternalOneFeedsTheLog() throws Exception {
        Set<String> publicTopics = TopicCatalogue.all().stream().filter(topic -> topic.audience() == Audience.PUBLIC)
                .map(Topic::name).collect(Collectors.toCollection(java.util.TreeSet::new));
        assertThat(subscribedTopics()).as("add a subscription to FeedProjection for each public topic, and only "
                + "for those").isEqualTo(publicTopics);
    }

    @Test
    void noEventTypeOfAPublicTopicHasAPropertyForPersonalData() {
        List<String> found = new ArrayList<>();
        for (Topic topic : TopicCatalogue.all()) {
            if (topic.audience() != Audience.PUBLIC) {
                continue;
            }
            for (EventType<?> type : topic.eventTypes()) {
                collect(type.type(), schemaOf(type), found);
            }
        }
        assertThat(found).as("properties of public event types that look like personal data").isEmpty();
        assertThat(TopicCatalogue.all().stream().filter(topic -> topic.audience() == Audience.PUBLIC)
                .mapToLong(topic -> topic.eventTypes().size()).sum()).isGreaterThanOrEqualTo(20);
    }

    /** Every property name at every depth (properties, items, $defs, combinators). */
    private static void collect(String where, JsonNode schema, List<String> found) {
        if (schema == null || !schema.isObject()) {
            if (schema != null && schema.isArray()) {
                schema.forEach(item -> collect(where, item, found));
            }
            return;
        }
        JsonNode properties = schema.path("properties");
        if (properties.isObject()) {
            for (String name : properties.propertyNames()) {
                String lower = name.toLowerCase();
                PERSONAL.stream().filter(lower::contains).filter(word -> !NOT_PERSONAL.contains(lower)).findFirst()
                        .ifPresent(word -> found.add(where + " ." + name + " (" + word + ")"));
                collect(where + "." + name, properties.get(name), found);
            }
        }
        for (String nested : List.of("items", "$defs", "oneOf", "anyOf", "allOf", "additionalProperties")) {
            collect(where, schema.get(nested), found);
        }
        JsonNode defs = schema.path("$defs");
        if (defs.isObject()) {
            defs.propertyNames().forEach(name -> collect(where + "/$defs/" + name, defs.get(name), found));
        }
    }

    private static JsonNode schemaOf(EventType<?> type) {
        try (InputStream in = FeedProjectionTest.class.getClassLoader()
                .getResourceAsStream(type.schemaClasspathLocation())) {
            assertThat(in).as("schema of %s", type).isNotNull();
            return JSON.readTree(in);
        } catch (IOException unreadable) {
            throw new AssertionError(unreadable);
        }
    }
}
