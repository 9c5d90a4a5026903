package jp.iinj.contracts.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jp.iinj.contracts.topics.CloudEventAttributes;
import jp.iinj.contracts.topics.EventType;
import jp.iinj.contracts.topics.Topic;
import jp.iinj.contracts.topics.TopicCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The AsyncAPI document describes exactly the topics of the catalogue, their writers and their event types. */
class AsyncApiDocumentTest {

    private static final String LOCATION = "contracts/asyncapi/iinj-platform.asyncapi.yaml";
    private static final String CLOUD_EVENT_HEADERS = "#/components/schemas/CloudEventHeaders";

    private static final JsonNode ASYNCAPI = load();

    static Stream<Topic> topics() {
        return TopicCatalogue.all().stream();
    }

    @Test
    void isAsyncApi3() {
        assertThat(ASYNCAPI.path("asyncapi").asString()).startsWith("3.0.");
    }

    @Test
    void channelsAreTheCatalogueTopicsAndTheirDeadLetterTopics() {
        Set<String> topicNames = topics().flatMap(topic -> Stream.of(topic.name(), topic.deadLetterTopic()))
                .collect(Collectors.toSet());

        assertThat(ASYNCAPI.path("channels").values()).extracting(channel -> channel.path("address").asString())
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(topicNames);
    }

    @ParameterizedTest
    @MethodSource("topics")
    void topicChannelNamesItsOwnerAndAudience(Topic topic) {
        JsonNode channel = channel(topic.name());

        assertThat(channel.path("x-owner").asString()).isEqualTo(topic.owner().serviceName());
        assertThat(channel.path("x-audience").asString()).isEqualTo(topic.audience().name().toLowerCase());
    }

    @ParameterizedTest
    @MethodSource("topics")
    void topicAndDeadLetterChannelsCarryExactlyTheTopicsEventTypes(Topic topic) {
        List<String> types = topic.eventTypes().stream().map(EventType::type).toList();
        List<String> schemas = topic.eventTypes().stream().map(EventType::schemaClasspathLocation).toList();

        for (String address : List.of(topic.name(), topic.deadLetterTopic())) {
            List<JsonNode> messages = channel(address).path("messages").values().stream().map(AsyncApiDocumentTest::resolve).toList();

            assertThat(messages).as("message names on %s", address)
                    .extracting(message -> message.path("name").asString())
                    .containsExactlyInAnyOrderElementsOf(types);
            assertThat(messages).as("payload schemas on %s", address)
                    .extracting(message -> classpathLocation(message.path("payload").path("schema").path("$ref").asString()))
                    .containsExactlyInAnyOrderElementsOf(schemas);
        }
    }

    @ParameterizedTest
    @MethodSource("topics")
    void ownerIsTheOnlySender(Topic topic) {
        assertThat(operations("send", topic.name()))
                .singleElement()
                .extracting(operation -> operation.path("x-service").asString())
                .isEqualTo(topic.owner().serviceName());
    }

    @ParameterizedTest
    @MethodSource("topics")
    void deadLetterTopicIsWrittenOnlyByTheTopicsConsumers(Topic topic) {
        List<String> consumers = channel(topic.name()).path("x-consumers").values().stream().map(JsonNode::asString).toList();

        assertThat(channel(topic.deadLetterTopic()).path("x-dead-letter-of").asString()).isEqualTo(topic.name());
        assertThat(operations("receive", topic.name())).extracting(operation -> operation.path("x-service").asString())
                .containsExactlyInAnyOrderElementsOf(consumers);
        assertThat(operations("send", topic.deadLetterTopic())).extracting(operation -> operation.path("x-service").asString())
                .isSubsetOf(consumers);
    }

    @Test
    void everyMessageCarriesCloudEventHeadersAndAStringKey() {
        Set<String> headers = Set.of(CloudEventAttributes.ID, CloudEventAttributes.SOURCE, CloudEventAttributes.TYPE,
                CloudEventAttributes.SPECVERSION, CloudEventAttributes.TIME, CloudEventAttributes.SUBJECT,
                CloudEventAttributes.DATASCHEMA, CloudEventAttributes.CONTENT_TYPE,
                CloudEventAttributes.header(CloudEventAttributes.BUREAU),
                CloudEventAttributes.header(CloudEventAttributes.PREFECTURE),
                CloudEventAttributes.header(CloudEventAttributes.CLUSTER),
                CloudEventAttributes.header(CloudEventAttributes.CORRELATION_ID));
        assertThat(ASYNCAPI.at(CLOUD_EVENT_HEADERS.substring(1)).path("properties").propertyNames())
                .containsExactlyInAnyOrderElementsOf(headers);

        assertThat(ASYNCAPI.path("components").path("messages").values()).isNotEmpty().allSatisfy(message -> {
            assertThat(message.path("headers").path("$ref").asString()).isEqualTo(CLOUD_EVENT_HEADERS);
            assertThat(message.path("bindings").path("kafka").path("key").path("type").asString()).isEqualTo("string");
        });
    }

    @Test
    void everyReferenceResolves() {
        List<String> references = new ArrayList<>();
        collectReferences(ASYNCAPI, references);

        assertThat(references).isNotEmpty().allSatisfy(reference -> {
            if (reference.startsWith("#")) {
                assertThat(ASYNCAPI.at(reference.substring(1)).isMissingNode()).as(reference).isFalse();
            } else {
                assertThat(AsyncApiDocumentTest.class.getClassLoader().getResource(classpathLocation(reference)))
                        .as("%s resolved to %s", reference, classpathLocation(reference)).isNotNull();
            }
        });
    }

    private static JsonNode channel(String address) {
        return ASYNCAPI.path("channels").values().stream()
                .filter(channel -> channel.path("address").asString().equals(address))
                .findFirst().orElseThrow(() -> new AssertionError("no channel with address " + address));
    }

    private static List<JsonNode> operations(String action, String address) {
        return ASYNCAPI.path("operations").values().stream()
                .filter(operation -> operation.path("action").asString().equals(action))
                .filter(operation -> resolve(operation.path("channel")).path("address").asString().equals(address))
                .toList();
    }

    private static JsonNode resolve(JsonNode node) {
        String reference = node.path("$ref").asString();
        return reference.startsWith("#") ? resolve(ASYNCAPI.at(reference.substring(1))) : node;
    }

    /** Where a reference relative to this document points on the classpath, which mirrors the repository layout. */
    private static String classpathLocation(String relativeReference) {
        return URI.create(LOCATION).resolve(relativeReference).getPath();
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                if (property.getKey().equals("$ref")) {
                    references.add(property.getValue().asString());
                } else {
                    collectReferences(property.getValue(), references);
                }
            }
        } else if (node.isArray()) {
            node.values().forEach(element -> collectReferences(element, references));
        }
    }

    private static JsonNode load() {
        try (InputStream in = AsyncApiDocumentTest.class.getClassLoader().getResourceAsStream(LOCATION)) {
            if (in == null) {
                throw new IllegalStateException(LOCATION + " is not on the classpath");
            }
            return YAMLMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
