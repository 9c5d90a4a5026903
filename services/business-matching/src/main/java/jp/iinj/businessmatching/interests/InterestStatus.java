package jp.iinj.businessmatching.interests;

/** open → accepted (the match is agreed), declined with a reason, or expired unanswered. */
public enum InterestStatus {
    OPEN,
    ACCEPTED,
    DECLINED,
    EXPIRED
}
