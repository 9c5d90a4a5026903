package jp.iinj.testing.contracts;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import jp.iinj.contracts.membership.MemberRegisteredV1;
import jp.iinj.contracts.membership.OrganisationType;
import jp.iinj.contracts.topics.TopicCatalogue;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EventSchemaAssertionsTest {

    private static final String VALID = """
            {
              "memberId": "m-0001",
              "legalName": "株式会社サンプル",
              "organisationType": "SME",
              "corporateNumber": "1234567890123",
              "prefectureCode": "13",
              "bureau": "kanto",
              "registeredAt": "2026-11-24T08:47:00Z"
            }
            """;

    private static final String INVALID = """
            {
              "memberId": "m-0001",
              "legalName": "株式会社サンプル",
              "organisationType": "PARTNERSHIP",
              "corporateNumber": null,
              "prefectureCode": "48",
              "bureau": "kanto",
              "registeredAt": "yesterday"
            }
            """;

    @Test
    void acceptsAValidMemberRegisteredEvent() {
        assertThatCode(() -> EventSchemaAssertions.assertValidAgainstSchema(TopicCatalogue.MEMBER_REGISTERED_V1,
                bytes(VALID))).doesNotThrowAnyException();
    }

    @Test
    void acceptsThePayloadRecordAsJackson3WritesIt() {
        MemberRegisteredV1 event = new MemberRegisteredV1("m-0002", "国立大学法人サンプル大学",
                OrganisationType.UNIVERSITY, null, "01", "hokkaido", Instant.parse("2026-11-24T08:47:00.123Z"));

        byte[] json = JsonMapper.builder().build().writeValueAsBytes(event);

        assertThatCode(() -> EventSchemaAssertions.assertValidAgainstSchema(
                TopicCatalogue.MEMBER_REGISTERED_V1.schemaClasspathLocation(), json)).doesNotThrowAnyException();
    }

    @Test
    void rejectsAnInvalidEventListingEveryViolation() {
        assertThatThrownBy(() -> EventSchemaAssertions.assertValidAgainstSchema(TopicCatalogue.MEMBER_REGISTERED_V1,
                bytes(INVALID)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("3 violation(s)")
                .hasMessageContaining("organisationType")
                .hasMessageContaining("prefectureCode")
                .hasMessageContaining("registeredAt");
    }

    @Test
    void rejectsAnEventWithoutARequiredProperty() {
        String withoutMemberId = VALID.replace("\"memberId\": \"m-0001\",", "");

        assertThatThrownBy(() -> EventSchemaAssertions.assertValidAgainstSchema(TopicCatalogue.MEMBER_REGISTERED_V1,
                bytes(withoutMemberId)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("memberId");
    }

    @Test
    void rejectsSomethingThatIsNotJson() {
        assertThatThrownBy(() -> EventSchemaAssertions.assertValidAgainstSchema(TopicCatalogue.MEMBER_REGISTERED_V1,
                bytes("not json")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Not JSON");
    }

    @Test
    void saysWhenTheSchemaDoesNotExist() {
        assertThatThrownBy(() -> EventSchemaAssertions.assertValidAgainstSchema("contracts/events/nope.schema.json",
                bytes(VALID)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contracts/events/nope.schema.json");
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
