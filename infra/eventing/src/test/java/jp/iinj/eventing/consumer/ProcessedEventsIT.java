package jp.iinj.eventing.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import jp.iinj.eventing.configuration.EventingProperties;
import jp.iinj.eventing.testapp.EventingTestApplication;
import jp.iinj.testing.infrastructure.RequiresRealMongoDb;
import jp.iinj.testing.spring.WithPlatformInfrastructure;
import jp.iinj.testing.time.MutableClock;

@SpringBootTest(classes = EventingTestApplication.class)
@WithPlatformInfrastructure
class ProcessedEventsIT {

    private static final Duration RETENTION = Duration.ofDays(30);

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void forgetsAnAppliedEventIdOnceItsRetentionIsOver() {
        MutableClock clock = MutableClock.at(Instant.now());
        var settings = new EventingProperties.Consumers(4, Duration.ofMillis(500), Duration.ofSeconds(5),
                Duration.ofSeconds(30), RETENTION, Duration.ofHours(1));
        var processed = new ProcessedEvents(mongo, clock, settings);
        String group = "member-registry.expiry-" + UUID.randomUUID();
        String older = UUID.randomUUID().toString();
        String newer = UUID.randomUUID().toString();

        processed.record(group, older, "jp.iinj.membership.member-registered.v1").block();
        clock.advance(Duration.ofDays(20));
        processed.record(group, newer, "jp.iinj.membership.member-registered.v1").block();
        clock.advance(Duration.ofDays(10).plusSeconds(1));
        long removed = processed.removeExpired().block();

        assertThat(removed).isPositive();
        assertThat(processed.contains(group, older).block()).isFalse();
        assertThat(processed.contains(group, newer).block()).isTrue();
    }

    @Test
    @RequiresRealMongoDb("TTL indexes: mongo-java-server accepts them but never expires documents")
    void aRealMongoDbExpiresAppliedEventIdsThroughATtlIndex() {
        // created in the background when the application starts
        Document ttl = await().atMost(Duration.ofSeconds(30)).until(() -> mongo.getCollection(ProcessedEvents.COLLECTION)
                .flatMapMany(collection -> collection.listIndexes())
                .filter(index -> "processed_expiry".equals(index.getString("name")))
                .blockFirst(Duration.ofSeconds(10)), java.util.Objects::nonNull);

        assertThat(ttl.get("key", Document.class)).containsEntry(ProcessedEvents.PROCESSED_AT, 1);
        assertThat(((Number) ttl.get("expireAfterSeconds")).longValue()).isEqualTo(RETENTION.toSeconds());
    }
}
