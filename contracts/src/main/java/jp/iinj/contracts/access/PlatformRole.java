package jp.iinj.contracts.access;

/** The roles a person or machine client holds, as the identity service puts them in the {@code roles} claim. */
public enum PlatformRole {
    /** Staff of a member organisation; acts for the organisations in {@code member_ids}. */
    MEMBER,
    /** Carries matched cases to a close; covers the bureaus in {@code bureaus}. */
    COORDINATOR,
    /** Staff or machine of a METI bureau, prefecture or cluster office; watches the bureaus in {@code bureaus}. */
    REGIONAL_BODY,
    /** Runs the platform. */
    ADMIN
}
