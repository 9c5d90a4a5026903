package jp.iinj.eventfeeds.kpis;

/** A member's status as the registry's public events announce it ({@code membership.member-events.v1}). */
public enum MemberStatus {
    /** member-registered: waiting for a decision. */
    APPLIED,
    /** member-approved, -reinstated or -renewed. */
    ACTIVE,
    /** member-rejected. */
    REJECTED,
    /** member-suspended. */
    SUSPENDED,
    /** member-withdrawn. */
    WITHDRAWN,
    /** member-lapsed. */
    LAPSED
}
