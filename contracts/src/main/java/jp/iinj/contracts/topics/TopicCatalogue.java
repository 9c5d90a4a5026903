package jp.iinj.contracts.topics;

import java.util.List;
import java.util.Optional;

import jp.iinj.contracts.identity.PersonJoinedMemberV1;
import jp.iinj.contracts.identity.PersonLeftMemberV1;
import jp.iinj.contracts.membership.MemberApprovedV1;
import jp.iinj.contracts.membership.MemberProfileUpdatedV1;
import jp.iinj.contracts.membership.MemberLapsedV1;
import jp.iinj.contracts.membership.MemberRenewedV1;
import jp.iinj.contracts.membership.MemberWithdrawnV1;
import jp.iinj.contracts.membership.MemberReinstatedV1;
import jp.iinj.contracts.membership.MemberSuspendedV1;
import jp.iinj.contracts.membership.MemberRejectedV1;
import jp.iinj.contracts.membership.MemberRegisteredV1;
import jp.iinj.contracts.membership.OwnerDesignatedV1;
import jp.iinj.contracts.membership.StaffRemovedV1;

/**
 * Every topic of the platform, declared exactly once. Services name topics and event types only through these
 * constants; the AsyncAPI document and the event schemas are checked against this list.
 */
public final class TopicCatalogue {

    public static final EventType<MemberRegisteredV1> MEMBER_REGISTERED_V1 = EventType.of(
            "jp.iinj.membership.member-registered.v1", MemberRegisteredV1.class,
            "membership/member-registered.v1.schema.json");

    public static final EventType<MemberApprovedV1> MEMBER_APPROVED_V1 = EventType.of(
            "jp.iinj.membership.member-approved.v1", MemberApprovedV1.class,
            "membership/member-approved.v1.schema.json");

    public static final EventType<MemberRejectedV1> MEMBER_REJECTED_V1 = EventType.of(
            "jp.iinj.membership.member-rejected.v1", MemberRejectedV1.class,
            "membership/member-rejected.v1.schema.json");

    public static final EventType<MemberSuspendedV1> MEMBER_SUSPENDED_V1 = EventType.of(
            "jp.iinj.membership.member-suspended.v1", MemberSuspendedV1.class,
            "membership/member-suspended.v1.schema.json");

    public static final EventType<MemberReinstatedV1> MEMBER_REINSTATED_V1 = EventType.of(
            "jp.iinj.membership.member-reinstated.v1", MemberReinstatedV1.class,
            "membership/member-reinstated.v1.schema.json");

    public static final EventType<MemberWithdrawnV1> MEMBER_WITHDRAWN_V1 = EventType.of(
            "jp.iinj.membership.member-withdrawn.v1", MemberWithdrawnV1.class,
            "membership/member-withdrawn.v1.schema.json");

    public static final EventType<MemberRenewedV1> MEMBER_RENEWED_V1 = EventType.of(
            "jp.iinj.membership.member-renewed.v1", MemberRenewedV1.class,
            "membership/member-renewed.v1.schema.json");

    public static final EventType<MemberLapsedV1> MEMBER_LAPSED_V1 = EventType.of(
            "jp.iinj.membership.member-lapsed.v1", MemberLapsedV1.class,
            "membership/member-lapsed.v1.schema.json");

    public static final EventType<MemberProfileUpdatedV1> MEMBER_PROFILE_UPDATED_V1 = EventType.of(
            "jp.iinj.membership.member-profile-updated.v1", MemberProfileUpdatedV1.class,
            "membership/member-profile-updated.v1.schema.json");

    public static final EventType<OwnerDesignatedV1> OWNER_DESIGNATED_V1 = EventType.of(
            "jp.iinj.membership.owner-designated.v1", OwnerDesignatedV1.class,
            "membership/owner-designated.v1.schema.json");

    /** The membership lifecycle of each organisation, keyed by member id. */
    public static final Topic MEMBER_EVENTS_V1 = new Topic(
            "membership.member-events.v1", PlatformService.MEMBER_REGISTRY, "memberId", Audience.PUBLIC,
            List.of(MEMBER_REGISTERED_V1, MEMBER_APPROVED_V1, MEMBER_REJECTED_V1, MEMBER_SUSPENDED_V1,
                    MEMBER_REINSTATED_V1, MEMBER_WITHDRAWN_V1, MEMBER_RENEWED_V1, MEMBER_LAPSED_V1,
                    MEMBER_PROFILE_UPDATED_V1));

    // ---- the people of an organisation: identity says who joined or left, the registry asks to remove staff ----

    public static final EventType<StaffRemovedV1> STAFF_REMOVED_V1 = EventType.of(
            "jp.iinj.membership.staff-removed.v1", StaffRemovedV1.class,
            "membership/staff-removed.v1.schema.json");

    public static final EventType<PersonJoinedMemberV1> PERSON_JOINED_MEMBER_V1 = EventType.of(
            "jp.iinj.identity.person-joined-member.v1", PersonJoinedMemberV1.class,
            "identity/person-joined-member.v1.schema.json");

    public static final EventType<PersonLeftMemberV1> PERSON_LEFT_MEMBER_V1 = EventType.of(
            "jp.iinj.identity.person-left-member.v1", PersonLeftMemberV1.class,
            "identity/person-left-member.v1.schema.json");

    /** The people behind each organisation (personal data), keyed by member id; for the identity service only. */
    public static final Topic MEMBER_CONTACTS_V1 = new Topic(
            "membership.member-contacts.v1", PlatformService.MEMBER_REGISTRY, "memberId", Audience.INTERNAL,
            List.of(OWNER_DESIGNATED_V1, STAFF_REMOVED_V1));

    /** Who acts for each organisation (personal data), keyed by member id; for the member registry only. */
    public static final Topic MEMBER_PEOPLE_V1 = new Topic(
            "identity.member-people.v1", PlatformService.IDENTITY, "memberId", Audience.INTERNAL,
            List.of(PERSON_JOINED_MEMBER_V1, PERSON_LEFT_MEMBER_V1));

    private static final List<Topic> ALL = List.of(MEMBER_EVENTS_V1, MEMBER_CONTACTS_V1, MEMBER_PEOPLE_V1);

    private TopicCatalogue() {
    }

    public static List<Topic> all() {
        return ALL;
    }

    public static List<Topic> ownedBy(PlatformService service) {
        return ALL.stream().filter(t -> t.owner() == service).toList();
    }

    public static Optional<Topic> topic(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The one topic that carries an event type. */
    public static Topic topicCarrying(EventType<?> type) {
        return ALL.stream().filter(t -> t.eventTypes().contains(type)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no topic carries " + type));
    }

    public static Optional<EventType<?>> eventType(String cloudEventType) {
        return ALL.stream().flatMap(t -> t.eventTypes().stream()).filter(t -> t.type().equals(cloudEventType))
                .findFirst();
    }
}
