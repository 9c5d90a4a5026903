package jp.iinj.eventfeeds.kpis;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.iinj.contracts.coordination.CaseOutcome;
import jp.iinj.contracts.topics.EventType;
import jp.iinj.contracts.topics.TopicCatalogue;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The KPIs' one rule book: what a public event adds to which cell, given what is remembered of its aggregate. Both
 * the live projection and a replay as of a past date go through here, event by event in log order, so they cannot
 * disagree on what an event means.
 * <p>
 * An event counts in the cell of its own {@code bureau}, {@code prefecture} and {@code cluster} attributes (what a
 * body's feed shows it) and of the month of its {@code time} in Japan. Members by status: registered → applied;
 * approved, reinstated, renewed → active; rejected, suspended, withdrawn, lapsed; a profile update moves the member's
 * region. The funnel: match-proposed, interest-expressed, match-agreed, case-closed with {@code AGREEMENT_REACHED}.
 * Time to first contact: from case-opened to the case's first case-stage-changed (the one without a
 * {@code fromStage}; a coordinator who skips stages reaches them all at once), counted where that stage change is.
 */
public final class KpiFold {

    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, MemberStatus> STATUS_AFTER = Map.of(
            TopicCatalogue.MEMBER_REGISTERED_V1.type(), MemberStatus.APPLIED,
            TopicCatalogue.MEMBER_APPROVED_V1.type(), MemberStatus.ACTIVE,
            TopicCatalogue.MEMBER_REINSTATED_V1.type(), MemberStatus.ACTIVE,
            TopicCatalogue.MEMBER_RENEWED_V1.type(), MemberStatus.ACTIVE,
            TopicCatalogue.MEMBER_REJECTED_V1.type(), MemberStatus.REJECTED,
            TopicCatalogue.MEMBER_SUSPENDED_V1.type(), MemberStatus.SUSPENDED,
            TopicCatalogue.MEMBER_WITHDRAWN_V1.type(), MemberStatus.WITHDRAWN,
            TopicCatalogue.MEMBER_LAPSED_V1.type(), MemberStatus.LAPSED);

    /** Every type the KPIs read: a replay reads no other. */
    public static final Set<String> TYPES = Set.of(
            TopicCatalogue.MEMBER_REGISTERED_V1.type(), TopicCatalogue.MEMBER_APPROVED_V1.type(),
            TopicCatalogue.MEMBER_REINSTATED_V1.type(), TopicCatalogue.MEMBER_RENEWED_V1.type(),
            TopicCatalogue.MEMBER_REJECTED_V1.type(), TopicCatalogue.MEMBER_SUSPENDED_V1.type(),
            TopicCatalogue.MEMBER_WITHDRAWN_V1.type(), TopicCatalogue.MEMBER_LAPSED_V1.type(),
            TopicCatalogue.MEMBER_PROFILE_UPDATED_V1.type(), TopicCatalogue.PROFILE_PUBLISHED_V1.type(),
            TopicCatalogue.MATCH_PROPOSED_V1.type(), TopicCatalogue.INTEREST_EXPRESSED_V1.type(),
            TopicCatalogue.MATCH_AGREED_V1.type(), TopicCatalogue.CASE_OPENED_V1.type(),
            TopicCatalogue.CASE_STAGE_CHANGED_V1.type(), TopicCatalogue.CASE_CLOSED_V1.type(),
            TopicCatalogue.CASE_ESCALATED_V1.type());

    private KpiFold() {
    }

    /** An event's share of one cell. */
    public record Contribution(KpiCell cell, KpiCounts counts) {
    }

    /**
     * What one event changes.
     *
     * @param after         the aggregate's state after it; null when the event leaves no state to remember
     * @param contributions what it adds to the cells, in order
     */
    public record Step(KpiAggregateState after, List<Contribution> contributions) {

        static final Step NOTHING = new Step(null, List.of());
    }

    /** The aggregate whose state {@code event} reads or changes ({@link KpiAggregateState#id()}), or null. */
    public static String aggregateOf(KpiEvent event) {
        if (event.subject() == null) {
            return null;
        }
        String type = event.type();
        if (STATUS_AFTER.containsKey(type) || is(type, TopicCatalogue.MEMBER_PROFILE_UPDATED_V1)) {
            return "member:" + event.subject();
        }
        if (is(type, TopicCatalogue.CASE_OPENED_V1) || is(type, TopicCatalogue.CASE_STAGE_CHANGED_V1)) {
            return "case:" + event.subject();
        }
        return null;
    }

    /**
     * @param before what is remembered of the event's aggregate ({@link #aggregateOf}), null when nothing is (its
     *               earlier events are not in the log, or it has none)
     */
    public static Step apply(KpiEvent event, KpiAggregateState before) {
        String type = event.type();
        KpiCell cell = new KpiCell(event.region(), monthOf(event.time()));
        String aggregate = aggregateOf(event);
        if (aggregate != null && aggregate.startsWith("member:")) {
            return member(event, aggregate, before, cell);
        }
        if (is(type, TopicCatalogue.CASE_OPENED_V1)) {
            Instant firstContact = before == null ? null : before.firstContactAt();
            return new Step(new KpiAggregateState(aggregate, null, null, event.time(), firstContact), List.of());
        }
        if (is(type, TopicCatalogue.CASE_STAGE_CHANGED_V1)) {
            return stageChanged(event, aggregate, before, cell);
        }
        KpiCounts counts = counted(event);
        return counts == null ? Step.NOTHING : new Step(null, List.of(new Contribution(cell, counts)));
    }

    /** The month (Japan's calendar) an instant falls in. */
    public static YearMonth monthOf(Instant time) {
        return YearMonth.from(time.atZone(TOKYO));
    }

    private static Step member(KpiEvent event, String aggregate, KpiAggregateState before, KpiCell cell) {
        MemberStatus status = STATUS_AFTER.get(event.type());
        MemberStatus was = before == null ? null : before.status();
        if (status == null) {
            // a profile update: the status stays, the region may move; a member whose status is unknown counts nowhere
            if (was == null) {
                return new Step(new KpiAggregateState(aggregate, null, event.region(), null, null), List.of());
            }
            status = was;
        }
        List<Contribution> contributions = new ArrayList<>();
        if (is(event.type(), TopicCatalogue.MEMBER_REGISTERED_V1)) {
            contributions.add(new Contribution(cell, KpiCounts.registration()));
        }
        boolean moved = was == null || was != status || !before.region().equals(event.region());
        if (moved) {
            if (was != null) {
                contributions.add(new Contribution(new KpiCell(before.region(), cell.month()),
                        KpiCounts.member(was, -1)));
            }
            contributions.add(new Contribution(cell, KpiCounts.member(status, 1)));
        }
        return new Step(new KpiAggregateState(aggregate, status, event.region(), null, null), contributions);
    }

    private static Step stageChanged(KpiEvent event, String aggregate, KpiAggregateState before, KpiCell cell) {
        if (before == null) {
            // the case's opening is not in the log: its time to first contact is unknown, and it counts no later stage
            return new Step(new KpiAggregateState(aggregate, null, null, null, event.time()), List.of());
        }
        if (before.firstContactAt() != null) {
            return Step.NOTHING;
        }
        KpiAggregateState after = new KpiAggregateState(aggregate, null, null, before.openedAt(), event.time());
        if (before.openedAt() == null) {
            return new Step(after, List.of());
        }
        long seconds = Math.max(0, Duration.between(before.openedAt(), event.time()).toSeconds());
        return new Step(after, List.of(new Contribution(cell, KpiCounts.firstContact(seconds))));
    }

    /** The counts of an event that needs no memory of its aggregate; null for a type the KPIs do not count. */
    private static KpiCounts counted(KpiEvent event) {
        String type = event.type();
        if (is(type, TopicCatalogue.PROFILE_PUBLISHED_V1)) {
            return KpiCounts.profilePublished();
        }
        if (is(type, TopicCatalogue.MATCH_PROPOSED_V1)) {
            return KpiCounts.proposal();
        }
        if (is(type, TopicCatalogue.INTEREST_EXPRESSED_V1)) {
            return KpiCounts.interest();
        }
        if (is(type, TopicCatalogue.MATCH_AGREED_V1)) {
            return KpiCounts.agreement();
        }
        if (is(type, TopicCatalogue.CASE_CLOSED_V1)) {
            return KpiCounts.caseClosed(CaseOutcome.AGREEMENT_REACHED.name().equals(text(event.data(), "outcome")));
        }
        if (is(type, TopicCatalogue.CASE_ESCALATED_V1)) {
            return KpiCounts.escalation();
        }
        return null;
    }

    private static String text(byte[] data, String field) {
        try {
            JsonNode value = JSON.readTree(data).get(field);
            return value == null || !value.isString() ? null : value.asString();
        } catch (JacksonException notJson) {
            return null;
        }
    }

    private static boolean is(String type, EventType<?> expected) {
        return expected.type().equals(type);
    }
}
