package jp.iinj.eventing.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import jp.iinj.contracts.membership.MemberRegisteredV1;
import jp.iinj.contracts.membership.OrganisationType;
import jp.iinj.contracts.topics.PlatformService;
import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.eventing.cloudevents.EventPayloadJson;
import jp.iinj.eventing.cloudevents.EventRegion;

class OutboxEventFactoryTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-24T09:00:00.123456Z"), ZoneOffset.UTC);
    private final MemberRegisteredV1 payload = new MemberRegisteredV1("m-1", "株式会社テスト", OrganisationType.SME,
            "7123456789012", "13", "kanto", Instant.parse("2026-11-24T09:00:00.123Z"));

    @Test
    void addressesTheTopicThatCarriesTheTypeAndKeysByAggregate() {
        var factory = new OutboxEventFactory(PlatformService.MEMBER_REGISTRY, new EventPayloadJson(), clock);

        OutboxEntry entry = factory.create(TopicCatalogue.MEMBER_REGISTERED_V1, "m-1", payload,
                new EventRegion("kanto", "13", null), "corr-1");

        assertThat(entry.topic()).isEqualTo("membership.member-events.v1");
        assertThat(entry.key()).isEqualTo("m-1");
        assertThat(entry.status()).isEqualTo(OutboxEntry.Status.PENDING);
        assertThat(entry.event().type()).isEqualTo("jp.iinj.membership.member-registered.v1");
        assertThat(entry.event().source()).isEqualTo("/iinj/member-registry");
        assertThat(entry.event().subject()).isEqualTo("m-1");
        assertThat(entry.event().time()).isEqualTo(Instant.parse("2026-11-24T09:00:00.123Z"));
        assertThat(entry.event().extensions()).containsEntry("bureau", "kanto").containsEntry("prefecture", "13")
                .containsEntry("correlationid", "corr-1").doesNotContainKey("cluster");
        assertThat(entry.data()).contains("\"registeredAt\":\"2026-11-24T09:00:00.123Z\"").contains("\"legalName\":\"株式会社テスト\"");
    }

    @Test
    void refusesToWriteATopicOwnedByAnotherService() {
        var factory = new OutboxEventFactory(PlatformService.BUSINESS_MATCHING, new EventPayloadJson(), clock);

        assertThatIllegalStateException()
                .isThrownBy(() -> factory.create(TopicCatalogue.MEMBER_REGISTERED_V1, "m-1", payload, EventRegion.none(), null))
                .withMessageContaining("belongs to member-registry");
    }

    @Test
    void entriesSurviveTheRoundTripThroughTheirDocument() {
        var factory = new OutboxEventFactory(PlatformService.MEMBER_REGISTRY, new EventPayloadJson(), clock);
        OutboxEntry entry = factory.create(TopicCatalogue.MEMBER_REGISTERED_V1, "m-1", payload, EventRegion.none(), null);

        assertThat(OutboxEntry.fromDocument(entry.toDocument())).isEqualTo(entry);
    }
}
