package jp.iinj.memberregistry.people;

import java.time.Instant;
import java.util.UUID;

import jp.iinj.contracts.topics.EventType;
import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.testing.kafka.TestProducer;

/** identity's events about an organisation's people, as ITs send them in its place. */
public final class TestPeople {

    private TestPeople() {
    }

    /** person-joined-member; the e-mail is {@code subject@example.jp}, {@code displayName} may be {@code null}. */
    public static void joined(TestProducer producer, String memberId, String subject, String role, String displayName,
                              Instant at) {
        String name = displayName == null ? "null" : "\"" + displayName + "\"";
        send(producer, TopicCatalogue.PERSON_JOINED_MEMBER_V1, memberId, "{\"memberId\":\"" + memberId
                + "\",\"subject\":\"" + subject + "\",\"role\":\"" + role + "\",\"displayName\":" + name
                + ",\"email\":\"" + subject + "@example.jp\",\"joinedAt\":\"" + at + "\"}");
    }

    /** person-left-member, removed by the organisation. */
    public static void left(TestProducer producer, String memberId, String subject, Instant at) {
        send(producer, TopicCatalogue.PERSON_LEFT_MEMBER_V1, memberId, "{\"memberId\":\"" + memberId
                + "\",\"subject\":\"" + subject + "\",\"leftAt\":\"" + at + "\",\"reason\":\"REMOVED_BY_ORGANISATION\"}");
    }

    private static void send(TestProducer producer, EventType<?> type, String memberId, String json) {
        producer.sendEvent(type, UUID.randomUUID().toString(), memberId, json);
    }
}
