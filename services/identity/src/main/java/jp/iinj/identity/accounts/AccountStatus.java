package jp.iinj.identity.accounts;

/** Whether a person may sign in. */
public enum AccountStatus {
    /** Owner of an organisation that is not approved yet: cannot sign in. */
    PENDING,
    /** May sign in once a password is set. */
    ACTIVE,
    /** Switched off: cannot sign in, gets no mail. */
    DISABLED
}
