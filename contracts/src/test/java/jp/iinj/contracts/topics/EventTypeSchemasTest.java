package jp.iinj.contracts.topics;

import static jp.iinj.contracts.topics.TopicCatalogue.MEMBER_REGISTERED_V1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import jp.iinj.contracts.membership.CapitalBand;
import jp.iinj.contracts.membership.EmployeeBand;
import jp.iinj.contracts.membership.JsicCode;
import jp.iinj.contracts.identity.PersonJoinedMemberV1;
import jp.iinj.contracts.identity.PersonLeftMemberV1;
import jp.iinj.contracts.identity.PersonRole;
import jp.iinj.contracts.membership.MemberApprovedV1;
import jp.iinj.contracts.membership.MemberLapsedV1;
import jp.iinj.contracts.membership.MemberProfileUpdatedV1;
import jp.iinj.contracts.membership.MemberReinstatedV1;
import jp.iinj.contracts.membership.MemberRejectedV1;
import jp.iinj.contracts.membership.MemberRenewedV1;
import jp.iinj.contracts.membership.MemberSuspendedV1;
import jp.iinj.contracts.membership.MemberWithdrawnV1;
import jp.iinj.contracts.membership.RejectionReason;
import jp.iinj.contracts.membership.SuspensionReason;
import jp.iinj.contracts.membership.TargetTypology;
import jp.iinj.contracts.membership.WithdrawalReason;
import jp.iinj.contracts.membership.MemberRegisteredV1;
import jp.iinj.contracts.coordination.AssignmentDeclineReason;
import jp.iinj.contracts.coordination.AssignmentDeclinedV1;
import jp.iinj.contracts.coordination.AssignmentReasonCode;
import jp.iinj.contracts.coordination.CaseAcceptedV1;
import jp.iinj.contracts.coordination.CaseClosedV1;
import jp.iinj.contracts.coordination.CaseEscalatedV1;
import jp.iinj.contracts.coordination.CaseOpenedV1;
import jp.iinj.contracts.coordination.CaseQueuedV1;
import jp.iinj.contracts.coordination.CaseReassignedV1;
import jp.iinj.contracts.coordination.CaseStage;
import jp.iinj.contracts.coordination.CaseStageChangedV1;
import jp.iinj.contracts.coordination.CoordinatorAssignedV1;
import jp.iinj.contracts.coordination.EscalationReason;
import jp.iinj.contracts.coordination.QueueReason;
import jp.iinj.contracts.coordination.ReassignmentReason;
import jp.iinj.contracts.coordination.CaseOutcome;
import jp.iinj.contracts.feeds.SubscriptionDisabledReason;
import jp.iinj.contracts.feeds.SubscriptionDisabledV1;
import jp.iinj.contracts.matching.DeclineReason;
import jp.iinj.contracts.matching.InterestAcceptedV1;
import jp.iinj.contracts.matching.InterestDeclinedV1;
import jp.iinj.contracts.matching.InterestExpiredV1;
import jp.iinj.contracts.matching.InterestExpressedV1;
import jp.iinj.contracts.matching.MatchAgreedV1;
import jp.iinj.contracts.matching.MatchOutcomeRecordedV1;
import jp.iinj.contracts.matching.MatchParty;
import jp.iinj.contracts.matching.MatchProposedV1;
import jp.iinj.contracts.matching.ProfileExpiredV1;
import jp.iinj.contracts.matching.ProfilePublishedV1;
import jp.iinj.contracts.matching.ProfileRenewedV1;
import jp.iinj.contracts.matching.ProfileType;
import jp.iinj.contracts.matching.ProfileWithdrawnV1;
import jp.iinj.contracts.notifications.NotificationRequestedV1;
import jp.iinj.contracts.membership.OwnerDesignatedV1;
import jp.iinj.contracts.membership.OrganisationType;
import jp.iinj.contracts.membership.PublicMemberProfile;
import jp.iinj.contracts.membership.StaffRemovedV1;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Every event type has a 2020-12 schema, and what the Java payload serialises to satisfies it. */
class EventTypeSchemasTest {

    private static final String SCHEMA_ID_BASE = "https://iinj.jp/contracts/events/";

    /** One valid payload per event type; a new event type fails here until it adds one. */
    private static final String MEMBER = "0b7f3c1e-5d2a-4c1b-9f0e-3a6d8e2b4c71";
    private static final Instant AT = Instant.parse("2026-04-01T09:30:00Z");
    private static final String PROFILE = "5c2e9a10-7b3d-4f6e-8a1c-2d9b0e7f3a55";
    private static final String OTHER_PROFILE = "9e1d7c3b-2a4f-4b8e-b6d0-5f3a1c9e7b20";
    private static final String INTEREST = "3a7f1e9c-6b2d-4c8a-9e5f-1d0b7c3e6a92";

    /** One valid payload per event type; a new event type fails here until it adds one. */
    private static final Map<EventType<?>, Object> SAMPLES = Map.ofEntries(
            Map.entry(MEMBER_REGISTERED_V1, new MemberRegisteredV1(MEMBER, "3110001012345", new PublicMemberProfile(
                    "株式会社信濃川精機", "シナノガワセイキ", "Shinanogawa Seiki Co., Ltd.", OrganisationType.SME, "15",
                    "kanto", "https://shinanogawa-seiki.example.jp", EmployeeBand.EMPLOYEES_20_TO_49,
                    CapitalBand.FROM_10M_TO_50M_YEN, List.of(new JsicCode("14", "2611")),
                    List.of("metal-processing", "machinery"), List.of("精密切削", "five-axis machining"),
                    List.of("c-9f2d"), TargetTypology.TYPE_2_SECOND_TIME_START_UP_OR_HIDDEN_CHAMPION), AT)),
            Map.entry(TopicCatalogue.MEMBER_APPROVED_V1, new MemberApprovedV1(MEMBER, "15", "kanto", AT,
                    LocalDate.parse("2027-04-01"))),
            Map.entry(TopicCatalogue.MEMBER_REJECTED_V1, new MemberRejectedV1(MEMBER, "15", "kanto",
                    RejectionReason.NOT_ELIGIBLE, AT)),
            Map.entry(TopicCatalogue.MEMBER_SUSPENDED_V1, new MemberSuspendedV1(MEMBER, "15", "kanto",
                    SuspensionReason.UNPAID_FEES, AT)),
            Map.entry(TopicCatalogue.MEMBER_REINSTATED_V1, new MemberReinstatedV1(MEMBER, "15", "kanto", AT)),
            Map.entry(TopicCatalogue.MEMBER_WITHDRAWN_V1, new MemberWithdrawnV1(MEMBER, "15", "kanto",
                    WithdrawalReason.BUSINESS_CLOSED, AT)),
            Map.entry(TopicCatalogue.MEMBER_RENEWED_V1, new MemberRenewedV1(MEMBER, "15", "kanto",
                    LocalDate.parse("2028-04-01"), AT)),
            Map.entry(TopicCatalogue.MEMBER_LAPSED_V1, new MemberLapsedV1(MEMBER, "15", "kanto",
                    LocalDate.parse("2027-04-01"), AT)),
            Map.entry(TopicCatalogue.MEMBER_PROFILE_UPDATED_V1, new MemberProfileUpdatedV1(MEMBER, null,
                    new PublicMemberProfile("株式会社信濃川精機", null, null, OrganisationType.SME, "15", "kanto", null,
                            null, null, List.of(), List.of(), List.of(), List.of(), null), AT)),
            Map.entry(TopicCatalogue.STAFF_REMOVED_V1, new StaffRemovedV1(MEMBER,
                    "5e0c2f7a-9b1d-4e3c-8a6f-2d4b7c9e1f03", Instant.parse("2026-05-10T08:00:00Z"))),
            Map.entry(TopicCatalogue.PERSON_JOINED_MEMBER_V1, new PersonJoinedMemberV1(MEMBER,
                    "5e0c2f7a-9b1d-4e3c-8a6f-2d4b7c9e1f03", PersonRole.STAFF, "佐藤 花子",
                    "sato@shinanogawa-seiki.example.jp", Instant.parse("2026-04-20T01:15:00Z"))),
            Map.entry(TopicCatalogue.PERSON_LEFT_MEMBER_V1, new PersonLeftMemberV1(MEMBER,
                    "5e0c2f7a-9b1d-4e3c-8a6f-2d4b7c9e1f03", Instant.parse("2026-05-10T08:00:01Z"),
                    PersonLeftMemberV1.REMOVED_BY_ORGANISATION)),
            Map.entry(TopicCatalogue.OWNER_DESIGNATED_V1, new OwnerDesignatedV1(MEMBER,
                    "tanaka@shinanogawa-seiki.example.jp", "田中 太郎", AT)),
            Map.entry(TopicCatalogue.PROFILE_PUBLISHED_V1, new ProfilePublishedV1(PROFILE, ProfileType.TECHNOLOGY_OFFER,
                    "15", "kanto", List.of("metal-processing"), List.of(new JsicCode("14", "24")),
                    List.of("kanto", "nationwide"), false, AT, LocalDate.of(2027, 4, 1))),
            Map.entry(TopicCatalogue.PROFILE_RENEWED_V1, new ProfileRenewedV1(PROFILE, ProfileType.TECHNOLOGY_OFFER,
                    "15", "kanto", AT, LocalDate.of(2028, 4, 1))),
            Map.entry(TopicCatalogue.PROFILE_WITHDRAWN_V1, new ProfileWithdrawnV1(PROFILE,
                    ProfileType.TECHNOLOGY_REQUEST, "15", "kanto", AT)),
            Map.entry(TopicCatalogue.PROFILE_EXPIRED_V1, new ProfileExpiredV1(PROFILE, ProfileType.BUSINESS_OFFER,
                    "15", "kanto", LocalDate.of(2027, 3, 31), AT)),
            Map.entry(TopicCatalogue.MATCH_PROPOSED_V1, new MatchProposedV1(PROFILE + "~" + OTHER_PROFILE, PROFILE,
                    OTHER_PROFILE, "kanto", "kyushu", 72, List.of("metal-processing"), AT)),
            Map.entry(TopicCatalogue.INTEREST_EXPRESSED_V1, new InterestExpressedV1(INTEREST, PROFILE, null, "kyushu",
                    "kanto", AT, AT.plusSeconds(21 * 86400))),
            Map.entry(TopicCatalogue.INTEREST_ACCEPTED_V1, new InterestAcceptedV1(INTEREST, PROFILE, "kyushu", "kanto",
                    "m-" + INTEREST, AT)),
            Map.entry(TopicCatalogue.INTEREST_DECLINED_V1, new InterestDeclinedV1(INTEREST, PROFILE, "kyushu", "kanto",
                    DeclineReason.NO_CAPACITY, AT)),
            Map.entry(TopicCatalogue.INTEREST_EXPIRED_V1, new InterestExpiredV1(INTEREST, PROFILE, "kyushu", "kanto",
                    AT)),
            Map.entry(TopicCatalogue.MATCH_AGREED_V1, new MatchAgreedV1("m-" + INTEREST, INTEREST,
                    new MatchParty(MEMBER, PROFILE, "kanto", "15"), new MatchParty("member-2", null, "kyushu", "40"),
                    List.of("metal-processing"), AT)),
            Map.entry(TopicCatalogue.MATCH_OUTCOME_RECORDED_V1, new MatchOutcomeRecordedV1("m-" + INTEREST,
                    CaseOutcome.AGREEMENT_REACHED, AT, AT)),
            Map.entry(TopicCatalogue.MATCHING_NOTIFICATION_REQUESTED_V1, new NotificationRequestedV1("n-1", MEMBER,
                    null, null, "match-proposed", "/matching/proposals", AT)),
            Map.entry(TopicCatalogue.CASE_OPENED_V1, new CaseOpenedV1("c-1", "m-" + INTEREST, PROFILE, null, "kanto",
                    "kyushu", "15", "40", List.of("metal-processing"), AT)),
            Map.entry(TopicCatalogue.COORDINATOR_ASSIGNED_V1, new CoordinatorAssignedV1("c-1", "m-" + INTEREST,
                    "co-7", "kanto", AssignmentReasonCode.EXPERTISE, AT, AT.plusSeconds(2 * 86400))),
            Map.entry(TopicCatalogue.ASSIGNMENT_DECLINED_V1, new AssignmentDeclinedV1("c-1", "co-7",
                    AssignmentDeclineReason.CONFLICT_OF_INTEREST, AT)),
            Map.entry(TopicCatalogue.CASE_ACCEPTED_V1, new CaseAcceptedV1("c-1", "co-8", AT,
                    AT.plusSeconds(14 * 86400))),
            Map.entry(TopicCatalogue.CASE_STAGE_CHANGED_V1, new CaseStageChangedV1("c-1", CaseStage.FIRST_CONTACT,
                    CaseStage.INTRODUCTION_MADE, AT)),
            Map.entry(TopicCatalogue.CASE_ESCALATED_V1, new CaseEscalatedV1("c-1", "kanto",
                    EscalationReason.NO_FIRST_CONTACT_IN_TIME, AT)),
            Map.entry(TopicCatalogue.CASE_QUEUED_V1, new CaseQueuedV1("c-1", List.of("kanto", "kyushu"),
                    QueueReason.NO_ELIGIBLE_COORDINATOR, AT)),
            Map.entry(TopicCatalogue.CASE_REASSIGNED_V1, new CaseReassignedV1("c-1", "co-7", "co-8",
                    ReassignmentReason.DECLINED, AT)),
            Map.entry(TopicCatalogue.CASE_CLOSED_V1, new CaseClosedV1("c-1", "m-" + INTEREST,
                    CaseOutcome.AGREEMENT_REACHED, "kanto", AT)),
            Map.entry(TopicCatalogue.COORDINATION_NOTIFICATION_REQUESTED_V1, new NotificationRequestedV1("n-2", null,
                    null, "subject-of-a-coordinator", "case-assigned", "/coordination/cases/c-1", AT)),
            Map.entry(TopicCatalogue.SUBSCRIPTION_DISABLED_V1, new SubscriptionDisabledV1("s-1",
                    List.of("kanto", "chubu"), SubscriptionDisabledReason.FAILING, 503, AT)));



    private static final JsonMapper JSON = JsonMapper.builder().build();

    // format assertions on, so that date-time and friends are checked and not merely annotations
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    /** The record's fields as they appear in JSON: an {@code @JsonUnwrapped} component contributes its own fields. */
    private static List<String> jsonFieldsOf(Class<?> record) {
        return Arrays.stream(record.getRecordComponents())
                .flatMap(component -> component.getAccessor().isAnnotationPresent(JsonUnwrapped.class)
                        ? jsonFieldsOf(component.getType()).stream() : Stream.of(component.getName()))
                .toList();
    }

    static Stream<EventType<?>> eventTypes() {
        return TopicCatalogue.all().stream().flatMap(topic -> topic.eventTypes().stream());
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void schemaIsAValid202012SchemaNamedAfterItsEventType(EventType<?> type) {
        JsonNode schema = schemaOf(type);
        Schema metaSchema = SCHEMAS.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));

        assertThat(metaSchema.validate(schema)).isEmpty();
        assertThat(schema.path("$schema").asString()).isEqualTo(SpecificationVersion.DRAFT_2020_12.getDialectId());
        assertThat(type.type()).as("title of %s", type.schemaPath()).matches(titlePattern(schema.path("title").asString()));
        assertThat(schema.path("$id").asString()).isEqualTo(SCHEMA_ID_BASE + type.schemaPath());
    }

    /**
     * A schema's title is its event type; a schema that several services' event types share (notification requests)
     * writes {@code <context>} in place of the context, and each of them must fit it.
     */
    private static String titlePattern(String title) {
        return Arrays.stream(title.split("<context>", -1)).map(Pattern::quote)
                .collect(Collectors.joining("[a-z]+"));
    }

    @Test
    void onlyASharedSchemaLeavesTheContextOpenInItsTitle() {
        Map<String, List<EventType<?>>> bySchema = eventTypes()
                .collect(Collectors.groupingBy(EventType::schemaPath));

        bySchema.forEach((path, types) -> assertThat(schemaOf(types.get(0)).path("title").asString().contains("<context>"))
                .as("title of %s (shared by %s)", path, types).isEqualTo(types.size() > 1));
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void schemaDeclaresExactlyThePayloadRecordsFields(EventType<?> type) {
        // the schemas allow unknown properties, so a field missing from the schema would otherwise go unnoticed
        assertThat(type.payloadType().isRecord()).as("%s payload is a record", type).isTrue();
        List<String> fields = jsonFieldsOf(type.payloadType());

        assertThat(schemaOf(type).path("properties").propertyNames()).containsExactlyInAnyOrderElementsOf(fields);
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void sampleOfThePayloadSatisfiesTheSchema(EventType<?> type) {
        Object sample = SAMPLES.get(type);
        assertThat(sample).as("add a sample %s to EventTypeSchemasTest.SAMPLES", type.payloadType().getSimpleName())
                .isInstanceOf(type.payloadType());

        assertThat(validate(type, JSON.valueToTree(sample))).isEmpty();
    }

    @Test
    void everySchemaFileBelongsToAnEventType() throws IOException {
        Path events = Path.of(System.getProperty("basedir", "."), "events");
        List<String> declared = eventTypes().map(EventType::schemaPath).toList();
        try (Stream<Path> files = Files.walk(events)) {
            List<String> schemaFiles = files.filter(path -> path.toString().endsWith(".schema.json"))
                    .map(path -> events.relativize(path).toString().replace('\\', '/')).toList();

            assertThat(schemaFiles).isNotEmpty().allSatisfy(path -> assertThat(declared).contains(path));
        }
    }

    @Test
    void instantsSerialiseAsIsoStrings() {
        JsonNode payload = JSON.valueToTree(SAMPLES.get(MEMBER_REGISTERED_V1));

        assertThat(payload.path("registeredAt").isString()).isTrue();
        assertThat(payload.path("registeredAt").asString()).isEqualTo("2026-04-01T09:30:00Z");
    }

    @Test
    void memberWithoutCorporateNumberIsValid() {
        ObjectNode payload = JSON.valueToTree(SAMPLES.get(MEMBER_REGISTERED_V1));
        payload.putNull("corporateNumber");

        assertThat(validate(MEMBER_REGISTERED_V1, payload)).isEmpty();
    }

    @Test
    void personJoinedWithoutANameIsValid() {
        ObjectNode payload = JSON.valueToTree(SAMPLES.get(TopicCatalogue.PERSON_JOINED_MEMBER_V1));
        payload.putNull("displayName");

        assertThat(validate(TopicCatalogue.PERSON_JOINED_MEMBER_V1, payload)).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1} fails {2}")
    @CsvSource({
            "role,     MEMBER,            enum",
            "email,    not-an-address,    format",
            "subject,  '',                minLength"})
    void invalidPersonJoinedIsRejected(String field, String value, String keyword) {
        ObjectNode payload = JSON.valueToTree(SAMPLES.get(TopicCatalogue.PERSON_JOINED_MEMBER_V1));
        payload.put(field, value);

        assertThat(validate(TopicCatalogue.PERSON_JOINED_MEMBER_V1, payload))
                .extracting(Error::getKeyword, error -> error.getInstanceLocation().toString())
                .containsExactly(tuple(keyword, "/" + field));
    }

    @ParameterizedTest(name = "{0} = {1} fails {2}")
    @CsvSource({
            "corporateNumber,  0123456789012, pattern",
            "corporateNumber,  311000101234,  pattern",
            "bureau,           tokai,         enum",
            "prefectureCode,   48,            pattern",
            "organisationType, NPO,           enum",
            "memberId,         '',            minLength",
            "registeredAt,     2026-04-01,    format"})
    void invalidMemberRegisteredIsRejected(String field, String value, String keyword) {
        ObjectNode payload = JSON.valueToTree(SAMPLES.get(MEMBER_REGISTERED_V1));
        payload.put(field, value);

        assertThat(validate(MEMBER_REGISTERED_V1, payload))
                .extracting(Error::getKeyword, error -> error.getInstanceLocation().toString())
                .containsExactly(tuple(keyword, "/" + field));
    }

    @Test
    void memberRegisteredWithoutRequiredFieldIsRejected() {
        ObjectNode payload = JSON.valueToTree(SAMPLES.get(MEMBER_REGISTERED_V1));
        payload.remove("bureau");

        assertThat(validate(MEMBER_REGISTERED_V1, payload))
                .extracting(Error::getKeyword, Error::getProperty)
                .containsExactly(tuple("required", "bureau"));
    }

    @ParameterizedTest(name = "{0} = {1} fails {2}")
    @CsvSource({
            "bureau,          tokai,       enum",
            "reason,          expertise,   enum",
            "coordinatorId,   '',          minLength",
            "acceptanceDueAt, 2026-04-03,  format"})
    void invalidCoordinatorAssignedIsRejected(String field, String value, String keyword) {
        ObjectNode payload = JSON.valueToTree(SAMPLES.get(TopicCatalogue.COORDINATOR_ASSIGNED_V1));
        payload.put(field, value);

        assertThat(validate(TopicCatalogue.COORDINATOR_ASSIGNED_V1, payload))
                .extracting(Error::getKeyword, error -> error.getInstanceLocation().toString())
                .containsExactly(tuple(keyword, "/" + field));
    }

    @Test
    void caseOpenedWithoutTheInterestedSidesProfileIsValid() {
        ObjectNode payload = JSON.valueToTree(SAMPLES.get(TopicCatalogue.CASE_OPENED_V1));

        assertThat(payload.path("interestedProfileId").isNull()).isTrue();
        assertThat(validate(TopicCatalogue.CASE_OPENED_V1, payload)).isEmpty();
    }

    @Test
    void caseEventsCarryNoMemberIdOrFreeText() {
        // public topic: a member id or a reason in words would make the case history personal data
        TopicCatalogue.CASE_EVENTS_V1.eventTypes().forEach(type -> assertThat(schemaOf(type).path("properties")
                .propertyNames()).as("properties of %s", type)
                .noneMatch(name -> name.toLowerCase().contains("member") || name.toLowerCase().contains("note")
                        || name.toLowerCase().contains("text") || name.toLowerCase().contains("subject")
                        || name.toLowerCase().contains("name") || name.toLowerCase().contains("email")));
    }

    @Test
    void caseQueuedNamesOneOrTwoDistinctBureaus() {
        ObjectNode payload = JSON.valueToTree(SAMPLES.get(TopicCatalogue.CASE_QUEUED_V1));
        payload.putArray("bureaus").add("kanto").add("kanto");

        assertThat(validate(TopicCatalogue.CASE_QUEUED_V1, payload)).extracting(Error::getKeyword)
                .containsExactly("uniqueItems");
    }

    @Test
    void subscriptionDisabledWithoutAnAnswerIsValid() {
        // a timeout or a refused connection has no status to report
        ObjectNode payload = JSON.valueToTree(new SubscriptionDisabledV1("s-1", List.of("kyushu"),
                SubscriptionDisabledReason.FAILING, null, AT));

        assertThat(payload.path("lastStatus").isNull()).isTrue();
        assertThat(validate(TopicCatalogue.SUBSCRIPTION_DISABLED_V1, payload)).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1} fails {2}")
    @CsvSource({
            "reason,         gone,        enum",
            "subscriptionId, '',          minLength",
            "disabledAt,     2026-04-01,  format"})
    void invalidSubscriptionDisabledIsRejected(String field, String value, String keyword) {
        ObjectNode payload = JSON.valueToTree(SAMPLES.get(TopicCatalogue.SUBSCRIPTION_DISABLED_V1));
        payload.put(field, value);

        assertThat(validate(TopicCatalogue.SUBSCRIPTION_DISABLED_V1, payload))
                .extracting(Error::getKeyword, error -> error.getInstanceLocation().toString())
                .containsExactly(tuple(keyword, "/" + field));
    }

    @ParameterizedTest(name = "lastStatus {0} fails {1}")
    @CsvSource(delimiter = '|', value = {"99 | minimum", "600 | maximum", "\"410\" | type", "410.5 | type"})
    void lastStatusThatIsNoHttpStatusCodeIsRejected(String json, String keyword) {
        ObjectNode payload = JSON.valueToTree(SAMPLES.get(TopicCatalogue.SUBSCRIPTION_DISABLED_V1));
        payload.set("lastStatus", JSON.readTree(json));

        // an integer or null (anyOf): the validator says why each alternative failed
        List<Error> errors = validate(TopicCatalogue.SUBSCRIPTION_DISABLED_V1, payload);
        assertThat(errors).extracting(Error::getKeyword).contains(keyword);
        assertThat(errors).extracting(error -> error.getInstanceLocation().toString()).containsOnly("/lastStatus");
    }

    @Test
    void subscriptionDisabledNamesDistinctKnownBureaus() {
        ObjectNode payload = JSON.valueToTree(SAMPLES.get(TopicCatalogue.SUBSCRIPTION_DISABLED_V1));
        payload.putArray("bureaus").add("kanto").add("kanto");
        assertThat(validate(TopicCatalogue.SUBSCRIPTION_DISABLED_V1, payload)).extracting(Error::getKeyword)
                .containsExactly("uniqueItems");

        payload.putArray("bureaus").add("tokai");
        assertThat(validate(TopicCatalogue.SUBSCRIPTION_DISABLED_V1, payload)).extracting(Error::getKeyword)
                .containsExactly("enum");

        payload.putArray("bureaus");
        assertThat(validate(TopicCatalogue.SUBSCRIPTION_DISABLED_V1, payload)).extracting(Error::getKeyword)
                .containsExactly("minItems");
    }

    @Test
    void subscriptionEventsCarryNoSinkOrSecret() {
        // the sink URL may name a body's own systems and the secret signs its deliveries: both stay in event feeds
        TopicCatalogue.SUBSCRIPTION_EVENTS_V1.eventTypes().forEach(type -> assertThat(schemaOf(type)
                .path("properties").propertyNames()).as("properties of %s", type)
                .noneMatch(name -> name.toLowerCase().contains("sink") || name.toLowerCase().contains("url")
                        || name.toLowerCase().contains("secret") || name.toLowerCase().contains("host")));
    }

    private static List<Error> validate(EventType<?> type, JsonNode payload) {
        return SCHEMAS.getSchema(schemaOf(type)).validate(payload);
    }

    private static JsonNode schemaOf(EventType<?> type) {
        try (InputStream in = EventTypeSchemasTest.class.getClassLoader().getResourceAsStream(type.schemaClasspathLocation())) {
            assertThat(in).as("schema of %s on the classpath at %s", type, type.schemaClasspathLocation()).isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
