package jp.iinj.memberregistry.organisation;

/** Where an organisation stands in the membership lifecycle; {@link Membership} holds the allowed transitions. */
public enum MembershipStatus {
    /** Registered online, waiting for a regional body of its bureau or an administrator to decide. */
    APPLIED,
    /** A member, until {@code expiresOn} plus the grace period unless renewed. */
    ACTIVE,
    /** The application was turned down; final. */
    REJECTED,
    /** Membership paused by a regional body or an administrator; can be reinstated. */
    SUSPENDED,
    /** The member left; final. */
    WITHDRAWN,
    /** Not renewed within the grace period after expiry; final (the organisation registers again). */
    LAPSED
}
