package jp.iinj.businessmatching.notifications;

/**
 * What business matching tells people about, with the code identity words its mails by and the portal its inbox by.
 */
public enum NotificationKind {
    MATCH_PROPOSED("match-proposed"),
    INTEREST_EXPRESSED("interest-expressed"),
    INTEREST_ACCEPTED("interest-accepted"),
    INTEREST_DECLINED("interest-declined"),
    INTEREST_EXPIRING("interest-expiring"),
    INTEREST_EXPIRED("interest-expired"),
    MATCH_OUTCOME_RECORDED("match-outcome-recorded");

    private final String code;

    NotificationKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
