package jp.iinj.businessmatching.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import jp.iinj.businessmatching.interests.ExpressionOfInterest;
import jp.iinj.businessmatching.profiles.PartneringProfile;
import jp.iinj.businessmatching.support.BusinessMatchingIntegrationTest;
import jp.iinj.businessmatching.support.TestMembers;
import jp.iinj.businessmatching.support.TestProfiles;
import jp.iinj.contracts.membership.OrganisationType;
import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.testing.kafka.TopicProbe;
import jp.iinj.testing.kafka.TopicProbeExtension;
import jp.iinj.testing.tokens.TestTokens;

/**
 * The jobs that keep requests from going unanswered and profiles from going stale, run as two instances would run
 * them at once: every reminder, expiry and event happens exactly once. Due dates are moved into the past in the store,
 * as time would.
 */
@BusinessMatchingIntegrationTest
class ExpiryJobsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final TopicProbeExtension EVENTS = TopicProbeExtension.on(TopicCatalogue.MATCHING_EVENTS_V1.name(),
            TopicCatalogue.MATCHING_NOTIFICATIONS_V1.name());

    @Autowired
    WebTestClient client;
    @Autowired
    TestMembers members;
    @Autowired
    TestProfiles profiles;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    ProfileExpiryJob profileExpiry;
    @Autowired
    InterestExpiryJob interestExpiry;

    @Test
    void aProfilePastItsLastDayExpiresOnceWhateverTheInstancesAndCanBeRenewed() {
        String owner = members.active("Stale Co", OrganisationType.SME, "01", "hokkaido");
        String id = profiles.published(owner, "TECHNOLOGY_OFFER", TestProfiles.offer(Map.of("ja", "乳製品の加工"),
                Map.of("ja", "乳製品の加工技術"), "food-agriculture", List.of("LICENSING")));
        mongo.updateFirst(Query.query(where("_id").is(id)), new Update().set("expiresOn", LocalDate.now().minusDays(2)),
                PartneringProfile.class).block();

        bothInstances(() -> profileExpiry.expireDue().block());

        EVENTS.probe().awaitRecord(record -> id.equals(record.key()) && type(record, TopicCatalogue.PROFILE_EXPIRED_V1), WAIT);
        EVENTS.probe().assertNoMoreRecords(record -> id.equals(record.key())
                && type(record, TopicCatalogue.PROFILE_EXPIRED_V1), Duration.ofSeconds(2));
        client.post().uri("/api/matching/profiles/{id}/renewal", id).headers(h -> h.setBearerAuth(TestTokens.memberOf(owner)))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("PUBLISHED");
    }

    @Test
    void bothSidesAreRemindedOnceThenTheInterestExpiresOnce() {
        String owner = members.active("Silent Co", OrganisationType.SME, "02", "tohoku");
        String asker = members.active("Eager Co", OrganisationType.SME, "03", "tohoku");
        String offer = profiles.published(owner, "TECHNOLOGY_OFFER", TestProfiles.offer(Map.of("ja", "漆器の塗装技術"),
                Map.of("ja", "漆塗りの技術を提供"), "materials", List.of("LICENSING")));
        String interest = (String) client.post().uri("/api/matching/interests")
                .headers(h -> h.setBearerAuth(TestTokens.memberOf(asker))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("memberId", asker, "profileId", offer, "message", "製品に使いたい"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");

        move(interest, Instant.now().plus(Duration.ofDays(1)));
        bothInstances(() -> interestExpiry.remindDue().block());
        var reminders = EVENTS.probe().awaitRecords(record -> notification(record, "interest-expiring"), 2, WAIT);
        assertThat(reminders).extracting(TopicProbe::valueAsString).anySatisfy(json -> assertThat(json).contains(owner))
                .anySatisfy(json -> assertThat(json).contains(asker));

        move(interest, Instant.now().minusSeconds(60));
        bothInstances(() -> interestExpiry.expireDue().block());
        EVENTS.probe().awaitRecord(record -> interest.equals(record.key())
                && type(record, TopicCatalogue.INTEREST_EXPIRED_V1), WAIT);
        EVENTS.probe().assertNoMoreRecords(record -> interest.equals(record.key())
                && type(record, TopicCatalogue.INTEREST_EXPIRED_V1), Duration.ofSeconds(2));
        assertThat(EVENTS.probe().received().stream().filter(record -> notification(record, "interest-expiring")
                && (TopicProbe.valueAsString(record).contains(owner) || TopicProbe.valueAsString(record).contains(asker))))
                .hasSize(2);
        client.get().uri("/api/matching/interests/{id}", interest).headers(h -> h.setBearerAuth(TestTokens.memberOf(asker)))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("EXPIRED");
    }

    private void move(String interestId, Instant expiresAt) {
        mongo.updateFirst(Query.query(where("_id").is(interestId)), new Update().set("expiresAt", expiresAt),
                ExpressionOfInterest.class).block();
    }

    private static void bothInstances(Runnable job) {
        CompletableFuture.allOf(CompletableFuture.runAsync(job), CompletableFuture.runAsync(job)).join();
    }

    private static boolean type(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record,
                                jp.iinj.contracts.topics.EventType<?> type) {
        return type.type().equals(TopicProbe.header(record, "ce_type"));
    }

    private static boolean notification(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record,
                                        String kind) {
        return type(record, TopicCatalogue.MATCHING_NOTIFICATION_REQUESTED_V1)
                && TopicProbe.valueAsString(record).contains("\"kind\":\"" + kind + "\"");
    }
}
