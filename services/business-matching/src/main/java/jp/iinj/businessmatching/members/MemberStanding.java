package jp.iinj.businessmatching.members;

/** Where a member stands, as the registry's events say. Only {@link #ACTIVE} members publish, search and match. */
public enum MemberStanding {
    APPLIED,
    ACTIVE,
    REJECTED,
    SUSPENDED,
    WITHDRAWN,
    LAPSED
}
