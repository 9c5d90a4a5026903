package jp.iinj.eventing.outbox;

import static jp.iinj.testing.kafka.TopicProbe.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import org.springframework.kafka.core.KafkaTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;
import jp.iinj.eventing.configuration.EventingProperties;
import jp.iinj.eventing.topics.TopicProvisioner;
import jp.iinj.contracts.membership.MemberRegisteredV1;
import jp.iinj.contracts.membership.OrganisationType;
import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.eventing.cloudevents.EventRegion;
import jp.iinj.eventing.testapp.EventingTestApplication;
import jp.iinj.eventing.testapp.TestMember;
import jp.iinj.testing.infrastructure.TestInfrastructure;
import jp.iinj.testing.kafka.TopicProbe;
import jp.iinj.testing.spring.WithPlatformInfrastructure;

@SpringBootTest(classes = EventingTestApplication.class)
@WithPlatformInfrastructure
class OutboxRelayIT {

    private static final String TOPIC = TopicCatalogue.MEMBER_EVENTS_V1.name();
    private static TopicProbe probe;

    @Autowired
    AggregateStore store;
    @Autowired
    OutboxEventFactory events;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    OutboxMetrics metrics;
    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void subscribe() {
        probe = TopicProbe.subscribe(TestInfrastructure.shared().kafkaBootstrapServers(), TOPIC);
    }

    @AfterAll
    static void close() {
        probe.close();
    }

    @Test
    void publishesTheEventsOfAWriteAndMarksThemPublishedOnlyAfterTheAck() {
        String id = UUID.randomUUID().toString();
        OutboxEntry event = registered(id, "株式会社アルファ");

        store.insert(new TestMember(id, "株式会社アルファ", null, 0), List.of(event)).block();

        var record = probe.awaitRecord(r -> id.equals(r.key()), Duration.ofSeconds(30));
        assertThat(header(record, "ce_id")).isEqualTo(event.event().id());
        assertThat(header(record, "ce_bureau")).isEqualTo("kanto");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Document stored = rawDocument(id);
            assertThat(stored.getInteger("outboxPending")).isZero();
            assertThat(OutboxEntry.listFrom(stored)).singleElement()
                    .satisfies(entry -> assertThat(entry.status()).isEqualTo(OutboxEntry.Status.PUBLISHED));
        });
    }

    @Test
    void keepsTheEventsOfOneAggregateInTheOrderTheyWereWritten() {
        String id = UUID.randomUUID().toString();
        store.insert(new TestMember(id, "first", null, 0), List.of(registered(id, "first"))).block();
        store.update(new TestMember(id, "second", null, 1), where("revision").is(0L), List.of(registered(id, "second"))).block();
        store.update(new TestMember(id, "third", null, 2), where("revision").is(1L), List.of(registered(id, "third"))).block();

        var records = probe.awaitRecords(r -> id.equals(r.key()), 3, Duration.ofSeconds(30));

        assertThat(records).extracting(r -> TopicProbe.valueAsString(r).replaceAll(".*\"legalName\":\"([a-z]+)\".*", "$1"))
                .containsExactly("first", "second", "third");
    }

    @Test
    void anUpdateFromAStaleRevisionChangesNothing() {
        String id = UUID.randomUUID().toString();
        store.insert(new TestMember(id, "before", "nick", 0), List.of()).block();
        store.update(new TestMember(id, "after", null, 1), where("revision").is(0L), List.of()).block();

        var stale = store.update(new TestMember(id, "stale", null, 1), where("revision").is(0L), List.of(registered(id, "stale")));

        org.assertj.core.api.Assertions.assertThatThrownBy(stale::block).isInstanceOf(OptimisticLockingFailureException.class);
        TestMember stored = mongo.findById(id, TestMember.class).block();
        assertThat(stored).isEqualTo(new TestMember(id, "after", null, 1));
        assertThat(rawDocument(id).getInteger("outboxPending")).isZero();
    }

    @Test
    void takesOverTheEventsOfARelayThatDiedHoldingTheLease() {
        String id = UUID.randomUUID().toString();
        double reclaimedBefore = reclaimed();
        // as a crashed instance leaves it: leased, lease expired, event never published
        Document orphan = new Document("_id", id).append("name", "orphan").append("revision", 0L)
                .append("outbox", List.of(registered(id, "orphan").toDocument()))
                .append("outboxPending", 1)
                .append("outboxLease", new Document("owner", "dead-instance").append("token", "t")
                        .append("expiresAt", Date.from(Instant.now().minusSeconds(1))));
        mongo.insert(orphan, "test_members").block();

        probe.awaitRecord(r -> id.equals(r.key()), Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(reclaimed()).isEqualTo(reclaimedBefore + 1));
    }

    @Test
    void leavesAnAggregateAloneWhileAnotherRelayHoldsALiveLease() {
        String id = UUID.randomUUID().toString();
        Document leased = new Document("_id", id).append("name", "leased").append("revision", 0L)
                .append("outbox", List.of(registered(id, "leased").toDocument()))
                .append("outboxPending", 1)
                .append("outboxLease", new Document("owner", "busy-instance").append("token", "t")
                        .append("expiresAt", Date.from(Instant.now().plusSeconds(3600))));
        mongo.insert(leased, "test_members").block();

        probe.assertNoMoreRecords(r -> id.equals(r.key()), Duration.ofSeconds(2));

        // the other instance goes away without releasing; once its lease is over, this relay takes over
        mongo.updateFirst(Query.query(where("_id").is(id)),
                new Update().set("outboxLease.expiresAt", Date.from(Instant.now().minusSeconds(1))), "test_members").block();
        probe.awaitRecord(r -> id.equals(r.key()), Duration.ofSeconds(30));
    }

    @Test
    void prunesPublishedEntriesOnceTheirRetentionIsOver(@Autowired KafkaTemplate<String, byte[]> kafka,
                                                        @Autowired TopicProvisioner topics) {
        String id = UUID.randomUUID().toString();
        mongo.insert(new Document("_id", id).append("outbox", List.of(registered(id, "pruned").toDocument()))
                .append("outboxPending", 1), "pruned_members").block();
        var relay = new OutboxRelay(mongo, kafka, topics, metrics, settings("pruned_members", Duration.ZERO), java.time.Clock.systemUTC());

        relay.sweepOnce().block();

        probe.awaitRecord(r -> id.equals(r.key()), Duration.ofSeconds(30));
        Document stored = mongo.findById(id, Document.class, "pruned_members").block();
        assertThat(stored.getList("outbox", Document.class)).isEmpty();
        assertThat(stored.getInteger("outboxPending")).isZero();
        assertThat(stored.get("outboxLease")).isNull();
    }

    @Test
    void twoRelaysSweepingOneBacklogSplitItAndPublishEveryEventOnce(@Autowired KafkaTemplate<String, byte[]> kafka,
                                                                   @Autowired TopicProvisioner topics) {
        List<String> ids = java.util.stream.IntStream.range(0, 200).mapToObj(n -> UUID.randomUUID().toString()).toList();
        mongo.insertAll(Mono.just(ids.stream()
                .map(id -> new Document("_id", id).append("outbox", List.of(registered(id, "backlog").toDocument()))
                        .append("outboxPending", 1))
                .toList()), "shared_backlog").blockLast();
        var firstMeters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        var secondMeters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        var first = new OutboxRelay(mongo, kafka, topics, new OutboxMetrics(firstMeters), settings("shared_backlog", Duration.ofHours(1)), java.time.Clock.systemUTC());
        var second = new OutboxRelay(mongo, kafka, topics, new OutboxMetrics(secondMeters), settings("shared_backlog", Duration.ofHours(1)), java.time.Clock.systemUTC());

        // both sweeps find all 200 due aggregates at once; each lease goes to one of them
        Mono.when(first.sweepOnce(), second.sweepOnce()).block();

        probe.awaitRecords(r -> ids.contains(r.key()), ids.size(), Duration.ofSeconds(30));
        probe.assertNoMoreRecords(r -> ids.contains(r.key()), Duration.ofSeconds(1));
        assertThat(mongo.count(Query.query(where("outboxPending").gt(0)), "shared_backlog").block()).isZero();
        assertThat(mongo.count(Query.query(where("outboxLease").ne(null)), "shared_backlog").block()).isZero();
        assertThat(published(firstMeters) + published(secondMeters)).isEqualTo(ids.size());
        assertThat(published(firstMeters)).isPositive();
        assertThat(published(secondMeters)).isPositive();
    }

    @Test
    void aHandOffPublishesItsAggregateWithoutReadingTheOtherDocuments(@Autowired KafkaTemplate<String, byte[]> kafka,
                                                                       @Autowired TopicProvisioner topics) {
        String collection = "handoff_members";
        // 20,000 aggregates whose events were all published long ago
        for (int batch = 0; batch < 20; batch++) {
            mongo.insertAll(Mono.just(java.util.stream.IntStream.range(0, 1000)
                    .mapToObj(n -> new Document("_id", UUID.randomUUID().toString()).append("name", "published")
                            .append("revision", 0L).append("outbox", List.of()).append("outboxPending", 0))
                    .toList()), collection).blockLast();
        }
        var meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        // no sweep during the test: the one at start is over before the write
        var relay = new OutboxRelay(mongo, kafka, topics, new OutboxMetrics(meters),
                new EventingProperties.Outbox(List.of(collection), Duration.ofHours(1), 4, Duration.ofSeconds(30),
                        Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofHours(1), 1000),
                java.time.Clock.systemUTC());
        relay.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> meters.find("iinj.outbox.sweep.aggregates").counter() != null);
            var examined = DocumentsExamined.in(mongo, collection);
            String id = UUID.randomUUID().toString();

            new AggregateStore(mongo, relay).insert(new HandOffMember(id, "handed off", 0), List.of(registered(id, "handed off"))).block();

            probe.awaitRecord(r -> id.equals(r.key()), Duration.ofSeconds(30));
            await().atMost(Duration.ofSeconds(10)).until(() -> published(meters) == 1);
            // the lease and the settling write, each by _id: one document each, not 20,001
            assertThat(examined.sinceStart()).isBetween(1L, 4L);
        } finally {
            relay.stop();
        }
    }

    @Test
    void theSweepPublishesAWriteWhoseHandOffWasLost(@Autowired KafkaTemplate<String, byte[]> kafka,
                                                    @Autowired TopicProvisioner topics) {
        String id = UUID.randomUUID().toString();
        var meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        var relay = new OutboxRelay(mongo, kafka, topics, new OutboxMetrics(meters), settings("lost_handoffs", Duration.ofHours(1)),
                java.time.Clock.systemUTC());
        // as a writer leaves it when its process dies between the write and the hand-off
        mongo.insert(new Document("_id", id).append("outbox", List.of(registered(id, "lost").toDocument()))
                .append("outboxPending", 1), "lost_handoffs").block();
        probe.assertNoMoreRecords(r -> id.equals(r.key()), Duration.ofSeconds(1));

        relay.sweepOnce().block();

        probe.awaitRecord(r -> id.equals(r.key()), Duration.ofSeconds(30));
        assertThat(meters.get("iinj.outbox.sweep.aggregates").tag("collection", "lost_handoffs").counter().count()).isEqualTo(1.0);
        assertThat(published(meters)).isEqualTo(1);
    }

    @Test
    void reportsTheEventsStillPendingAsTheBacklogGauge(@Autowired KafkaTemplate<String, byte[]> kafka,
                                                       @Autowired TopicProvisioner topics) {
        // another relay holds live leases on both aggregates, so their three events stay pending
        Document liveLease = new Document("owner", "busy-instance").append("token", "t")
                .append("expiresAt", Date.from(Instant.now().plusSeconds(3600)));
        String two = UUID.randomUUID().toString();
        String one = UUID.randomUUID().toString();
        mongo.insertAll(Mono.just(List.of(
                new Document("_id", two).append("outbox", List.of(registered(two, "a").toDocument(), registered(two, "b").toDocument()))
                        .append("outboxPending", 2).append("outboxLease", liveLease),
                new Document("_id", one).append("outbox", List.of(registered(one, "c").toDocument()))
                        .append("outboxPending", 1).append("outboxLease", liveLease),
                new Document("_id", UUID.randomUUID().toString()).append("outbox", List.of()).append("outboxPending", 0))),
                "backlog_members").blockLast();
        var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        var relay = new OutboxRelay(mongo, kafka, topics, new OutboxMetrics(registry), settings("backlog_members", Duration.ofHours(1)),
                java.time.Clock.systemUTC());

        relay.sweepOnce().block();

        assertThat(registry.get("iinj.outbox.backlog").gauge().value()).isEqualTo(3.0);
    }

    private static EventingProperties.Outbox settings(String collection, Duration retention) {
        return new EventingProperties.Outbox(List.of(collection), Duration.ofHours(1), 4, Duration.ofSeconds(30),
                Duration.ofSeconds(1), Duration.ofSeconds(1), retention, 1000);
    }

    private static long published(MeterRegistry meters) {
        return (long) meters.find("iinj.outbox.published").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @org.springframework.data.mongodb.core.mapping.Document("handoff_members")
    record HandOffMember(@org.springframework.data.annotation.Id String id, String name, long revision) {
    }

    private OutboxEntry registered(String id, String name) {
        var payload = new MemberRegisteredV1(id, name, OrganisationType.SME, null, "13", "kanto", Instant.now());
        return events.create(TopicCatalogue.MEMBER_REGISTERED_V1, id, payload, new EventRegion("kanto", "13", null), "corr-" + id);
    }

    private Document rawDocument(String id) {
        return mongo.findById(id, Document.class, "test_members").block();
    }

    private double reclaimed() {
        var counter = meters.find("iinj.outbox.leases.reclaimed").counter();
        return counter == null ? 0 : counter.count();
    }
}
