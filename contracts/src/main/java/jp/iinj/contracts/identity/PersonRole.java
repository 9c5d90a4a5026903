package jp.iinj.contracts.identity;

/** What a person is to a member organisation. */
public enum PersonRole {
    /** Registered the organisation; there is one, and it cannot be removed. */
    OWNER,
    /** Joined by invitation; the owner or an administrator may remove them. */
    STAFF
}
