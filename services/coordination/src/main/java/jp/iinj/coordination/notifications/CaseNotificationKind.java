package jp.iinj.coordination.notifications;

/**
 * What coordination tells people about, with the code identity words its mails by and the portal its inbox by. Members
 * hear of the case's end from business matching ({@code match-outcome-recorded}), not from here, so that nobody gets
 * two mails for one outcome.
 */
public enum CaseNotificationKind {
    /** To the coordinator a case was given to, by the rules or by hand. */
    CASE_ASSIGNED("case-assigned"),
    /** To both members: a coordinator (or, until one is found, their bureau) follows their match up. */
    CASE_OPENED("case-opened"),
    /** To the regional bodies of the case's bureaus: nobody can take it; it waits in their queue. */
    CASE_QUEUED("case-queued"),
    /** To the regional body of the bureau that owns the case: a service level was missed. */
    CASE_ESCALATED("case-escalated"),
    /** To the coordinator, when someone else (the regional body, an administrator) closed their case. */
    CASE_CLOSED("case-closed");

    private final String code;

    CaseNotificationKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
