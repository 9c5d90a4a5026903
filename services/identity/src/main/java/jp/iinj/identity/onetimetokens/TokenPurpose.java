package jp.iinj.identity.onetimetokens;

/** What a mailed one-time token may be used for. */
public enum TokenPurpose {
    /** First password of an account created without one (owner activation, staff created by an admin, bootstrap). */
    SET_PASSWORD,
    /** "Forgot my password". */
    PASSWORD_RESET,
    /** Staff invited to act for a member organisation. */
    INVITATION
}
