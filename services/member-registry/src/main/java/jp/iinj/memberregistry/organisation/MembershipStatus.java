package jp.iinj.memberregistry.organisation;

/** Where an organisation stands in the membership lifecycle. */
public enum MembershipStatus {
    /** Registered online, waiting for a regional body of its bureau or an administrator to approve it. */
    APPLIED,
    /** Approved: a member. */
    ACTIVE
}
