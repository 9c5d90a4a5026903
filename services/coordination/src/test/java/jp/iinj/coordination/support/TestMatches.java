package jp.iinj.coordination.support;

import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import jp.iinj.contracts.matching.MatchAgreedV1;
import jp.iinj.contracts.matching.MatchParty;
import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.coordination.cases.CoordinationCase;
import jp.iinj.testing.infrastructure.TestInfrastructure;
import jp.iinj.testing.kafka.TestProducer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Agreed matches as business matching announces them, over the real broker: the tests stand in for business matching
 * and wait until this service has opened the case.
 */
@TestComponent
public class TestMatches {

    public static final Duration WAIT = Duration.ofSeconds(60);

    /** A prefecture in each bureau the tests use, as match-agreed's schema requires one. */
    private static final Map<String, String> PREFECTURES = Map.of("hokkaido", "01", "tohoku", "04", "kanto", "13",
            "chubu", "23", "kinki", "27", "shikoku", "37", "okinawa", "47");

    private final ReactiveMongoTemplate mongo;
    private final JsonMapper json;
    private final TestProducer producer = TestProducer.connect(TestInfrastructure.shared().kafkaBootstrapServers());

    public TestMatches(ReactiveMongoTemplate mongo, JsonMapper json) {
        this.mongo = mongo;
        this.json = json;
    }

    /** A new match between a member of {@code ownerBureau} and one of {@code interestedBureau}. */
    public static MatchAgreedV1 match(String ownerBureau, String interestedBureau, List<String> technologyFields) {
        return new MatchAgreedV1(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                new MatchParty(UUID.randomUUID().toString(), UUID.randomUUID().toString(), ownerBureau,
                        PREFECTURES.get(ownerBureau)),
                new MatchParty(UUID.randomUUID().toString(), null, interestedBureau, PREFECTURES.get(interestedBureau)),
                technologyFields, Instant.now());
    }

    /** Publishes the event with this id on business matching's topic. */
    public void publish(MatchAgreedV1 agreed, String eventId) {
        producer.sendEvent(TopicCatalogue.MATCH_AGREED_V1, eventId, agreed.matchId(), json.writeValueAsString(agreed));
    }

    /** Publishes a new match and returns its case once opened. */
    public CoordinationCase opened(MatchAgreedV1 agreed) {
        publish(agreed, UUID.randomUUID().toString());
        return awaitCase(agreed.matchId());
    }

    public CoordinationCase awaitCase(String matchId) {
        await().atMost(WAIT).until(() -> !casesOf(matchId).isEmpty());
        return casesOf(matchId).get(0);
    }

    public List<CoordinationCase> casesOf(String matchId) {
        return mongo.find(Query.query(where("matchId").is(matchId)), CoordinationCase.class).collectList().block();
    }
}
