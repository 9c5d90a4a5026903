package jp.iinj.businessmatching.profiles;

/** draft → published → expired or withdrawn; an expired profile can be renewed (published again). */
public enum ProfileStatus {
    DRAFT,
    PUBLISHED,
    EXPIRED,
    WITHDRAWN
}
