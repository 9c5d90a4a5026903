package jp.iinj.eventfeeds.kpis;

import java.time.Instant;

/**
 * What the KPIs remember of one aggregate between its events: a member's status and region (to move it between
 * statuses and regions), or when a case opened and first reached a stage (its time to first contact).
 *
 * @param id             {@code member:<memberId>} or {@code case:<caseId>}
 * @param status         a member's status; null for a case
 * @param region         where a member counts now; null for a case
 * @param openedAt       when the case opened; null for a member, or a case whose opening the log does not hold
 * @param firstContactAt when the case first reached a stage; null until then
 */
public record KpiAggregateState(String id, MemberStatus status, KpiRegion region, Instant openedAt,
                                Instant firstContactAt) {
}
