package jp.iinj.contracts.topics;

import java.util.List;
import java.util.Optional;

import jp.iinj.contracts.coordination.AssignmentDeclinedV1;
import jp.iinj.contracts.coordination.CaseAcceptedV1;
import jp.iinj.contracts.coordination.CaseClosedV1;
import jp.iinj.contracts.coordination.CaseEscalatedV1;
import jp.iinj.contracts.coordination.CaseOpenedV1;
import jp.iinj.contracts.coordination.CaseQueuedV1;
import jp.iinj.contracts.coordination.CaseReassignedV1;
import jp.iinj.contracts.coordination.CaseStageChangedV1;
import jp.iinj.contracts.coordination.CoordinatorAssignedV1;
import jp.iinj.contracts.feeds.SubscriptionDisabledV1;
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
import jp.iinj.contracts.matching.InterestAcceptedV1;
import jp.iinj.contracts.matching.InterestDeclinedV1;
import jp.iinj.contracts.matching.InterestExpiredV1;
import jp.iinj.contracts.matching.InterestExpressedV1;
import jp.iinj.contracts.matching.MatchAgreedV1;
import jp.iinj.contracts.matching.MatchOutcomeRecordedV1;
import jp.iinj.contracts.matching.MatchProposedV1;
import jp.iinj.contracts.matching.ProfileExpiredV1;
import jp.iinj.contracts.matching.ProfilePublishedV1;
import jp.iinj.contracts.matching.ProfileRenewedV1;
import jp.iinj.contracts.matching.ProfileWithdrawnV1;
import jp.iinj.contracts.notifications.NotificationRequestedV1;

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

    // ---- business matching: partnering profiles, proposals, expressions of interest, agreed matches ----

    public static final EventType<ProfilePublishedV1> PROFILE_PUBLISHED_V1 = EventType.of(
            "jp.iinj.matching.profile-published.v1", ProfilePublishedV1.class,
            "matching/profile-published.v1.schema.json");

    public static final EventType<ProfileRenewedV1> PROFILE_RENEWED_V1 = EventType.of(
            "jp.iinj.matching.profile-renewed.v1", ProfileRenewedV1.class,
            "matching/profile-renewed.v1.schema.json");

    public static final EventType<ProfileWithdrawnV1> PROFILE_WITHDRAWN_V1 = EventType.of(
            "jp.iinj.matching.profile-withdrawn.v1", ProfileWithdrawnV1.class,
            "matching/profile-withdrawn.v1.schema.json");

    public static final EventType<ProfileExpiredV1> PROFILE_EXPIRED_V1 = EventType.of(
            "jp.iinj.matching.profile-expired.v1", ProfileExpiredV1.class,
            "matching/profile-expired.v1.schema.json");

    public static final EventType<MatchProposedV1> MATCH_PROPOSED_V1 = EventType.of(
            "jp.iinj.matching.match-proposed.v1", MatchProposedV1.class,
            "matching/match-proposed.v1.schema.json");

    public static final EventType<InterestExpressedV1> INTEREST_EXPRESSED_V1 = EventType.of(
            "jp.iinj.matching.interest-expressed.v1", InterestExpressedV1.class,
            "matching/interest-expressed.v1.schema.json");

    public static final EventType<InterestAcceptedV1> INTEREST_ACCEPTED_V1 = EventType.of(
            "jp.iinj.matching.interest-accepted.v1", InterestAcceptedV1.class,
            "matching/interest-accepted.v1.schema.json");

    public static final EventType<InterestDeclinedV1> INTEREST_DECLINED_V1 = EventType.of(
            "jp.iinj.matching.interest-declined.v1", InterestDeclinedV1.class,
            "matching/interest-declined.v1.schema.json");

    public static final EventType<InterestExpiredV1> INTEREST_EXPIRED_V1 = EventType.of(
            "jp.iinj.matching.interest-expired.v1", InterestExpiredV1.class,
            "matching/interest-expired.v1.schema.json");

    public static final EventType<MatchAgreedV1> MATCH_AGREED_V1 = EventType.of(
            "jp.iinj.matching.match-agreed.v1", MatchAgreedV1.class,
            "matching/match-agreed.v1.schema.json");

    public static final EventType<MatchOutcomeRecordedV1> MATCH_OUTCOME_RECORDED_V1 = EventType.of(
            "jp.iinj.matching.match-outcome-recorded.v1", MatchOutcomeRecordedV1.class,
            "matching/match-outcome-recorded.v1.schema.json");

    /**
     * Profiles, proposals, expressions of interest and agreed matches, keyed by the aggregate's id (profile, proposal,
     * interest or match id). Anonymous: owners appear only in match-agreed, after both sides agreed.
     */
    public static final Topic MATCHING_EVENTS_V1 = new Topic(
            "matching.matching-events.v1", PlatformService.BUSINESS_MATCHING,
            "profileId, proposalId, interestId or matchId", Audience.PUBLIC,
            List.of(PROFILE_PUBLISHED_V1, PROFILE_RENEWED_V1, PROFILE_WITHDRAWN_V1, PROFILE_EXPIRED_V1,
                    MATCH_PROPOSED_V1, INTEREST_EXPRESSED_V1, INTEREST_ACCEPTED_V1, INTEREST_DECLINED_V1,
                    INTEREST_EXPIRED_V1, MATCH_AGREED_V1, MATCH_OUTCOME_RECORDED_V1));

    public static final EventType<NotificationRequestedV1> MATCHING_NOTIFICATION_REQUESTED_V1 = EventType.of(
            "jp.iinj.matching.notification-requested.v1", NotificationRequestedV1.class,
            "notifications/notification-requested.v1.schema.json");

    /** What business matching asks identity to tell people by e-mail, keyed by notification id; identity only. */
    public static final Topic MATCHING_NOTIFICATIONS_V1 = new Topic(
            "matching.notifications.v1", PlatformService.BUSINESS_MATCHING, "notificationId", Audience.INTERNAL,
            List.of(MATCHING_NOTIFICATION_REQUESTED_V1));

    // ---- coordination: the cases that follow agreed matches up, from opening to an outcome ----

    public static final EventType<CaseOpenedV1> CASE_OPENED_V1 = EventType.of(
            "jp.iinj.coordination.case-opened.v1", CaseOpenedV1.class,
            "coordination/case-opened.v1.schema.json");

    public static final EventType<CoordinatorAssignedV1> COORDINATOR_ASSIGNED_V1 = EventType.of(
            "jp.iinj.coordination.coordinator-assigned.v1", CoordinatorAssignedV1.class,
            "coordination/coordinator-assigned.v1.schema.json");

    public static final EventType<AssignmentDeclinedV1> ASSIGNMENT_DECLINED_V1 = EventType.of(
            "jp.iinj.coordination.assignment-declined.v1", AssignmentDeclinedV1.class,
            "coordination/assignment-declined.v1.schema.json");

    public static final EventType<CaseAcceptedV1> CASE_ACCEPTED_V1 = EventType.of(
            "jp.iinj.coordination.case-accepted.v1", CaseAcceptedV1.class,
            "coordination/case-accepted.v1.schema.json");

    public static final EventType<CaseStageChangedV1> CASE_STAGE_CHANGED_V1 = EventType.of(
            "jp.iinj.coordination.case-stage-changed.v1", CaseStageChangedV1.class,
            "coordination/case-stage-changed.v1.schema.json");

    public static final EventType<CaseEscalatedV1> CASE_ESCALATED_V1 = EventType.of(
            "jp.iinj.coordination.case-escalated.v1", CaseEscalatedV1.class,
            "coordination/case-escalated.v1.schema.json");

    public static final EventType<CaseQueuedV1> CASE_QUEUED_V1 = EventType.of(
            "jp.iinj.coordination.case-queued.v1", CaseQueuedV1.class,
            "coordination/case-queued.v1.schema.json");

    public static final EventType<CaseReassignedV1> CASE_REASSIGNED_V1 = EventType.of(
            "jp.iinj.coordination.case-reassigned.v1", CaseReassignedV1.class,
            "coordination/case-reassigned.v1.schema.json");

    public static final EventType<CaseClosedV1> CASE_CLOSED_V1 = EventType.of(
            "jp.iinj.coordination.case-closed.v1", CaseClosedV1.class,
            "coordination/case-closed.v1.schema.json");

    /**
     * Coordination cases, keyed by case id. Public: ids, codes, regions and fields; notes and reasons in words stay in
     * coordination. {@code ce_bureau} is the case's bureau (the coordinator's once assigned, else the owner's) and
     * {@code ce_prefecture} the profile owner's prefecture, so a bureau's feed follows its cases.
     */
    public static final Topic CASE_EVENTS_V1 = new Topic(
            "coordination.case-events.v1", PlatformService.COORDINATION, "caseId", Audience.PUBLIC,
            List.of(CASE_OPENED_V1, COORDINATOR_ASSIGNED_V1, ASSIGNMENT_DECLINED_V1, CASE_ACCEPTED_V1,
                    CASE_STAGE_CHANGED_V1, CASE_ESCALATED_V1, CASE_QUEUED_V1, CASE_REASSIGNED_V1, CASE_CLOSED_V1));

    public static final EventType<NotificationRequestedV1> COORDINATION_NOTIFICATION_REQUESTED_V1 = EventType.of(
            "jp.iinj.coordination.notification-requested.v1", NotificationRequestedV1.class,
            "notifications/notification-requested.v1.schema.json");

    /**
     * What coordination asks to be told to coordinators, members and bureaus, keyed by notification id; identity mails
     * it and coordination keeps it for the portal's inbox.
     */
    public static final Topic COORDINATION_NOTIFICATIONS_V1 = new Topic(
            "coordination.notifications.v1", PlatformService.COORDINATION, "notificationId", Audience.INTERNAL,
            List.of(COORDINATION_NOTIFICATION_REQUESTED_V1));

    // ---- event feeds: regional bodies' webhook subscriptions ----

    public static final EventType<SubscriptionDisabledV1> SUBSCRIPTION_DISABLED_V1 = EventType.of(
            "jp.iinj.feeds.subscription-disabled.v1", SubscriptionDisabledV1.class,
            "feeds/subscription-disabled.v1.schema.json");

    /**
     * What happens to regional bodies' webhook subscriptions, keyed by subscription id. Internal: it concerns one body's
     * own integration, not the region's activity, so it is not forwarded to feeds.
     */
    public static final Topic SUBSCRIPTION_EVENTS_V1 = new Topic(
            "feeds.subscription-events.v1", PlatformService.EVENT_FEEDS, "subscriptionId", Audience.INTERNAL,
            List.of(SUBSCRIPTION_DISABLED_V1));

    private static final List<Topic> ALL = List.of(MEMBER_EVENTS_V1, MEMBER_CONTACTS_V1, MEMBER_PEOPLE_V1,
            MATCHING_EVENTS_V1, MATCHING_NOTIFICATIONS_V1, CASE_EVENTS_V1, COORDINATION_NOTIFICATIONS_V1,
            SUBSCRIPTION_EVENTS_V1);

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
