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
    /** To the regional bodies of the case's bureaus: a service level was missed. */
    CASE_ESCALATED("case-escalated"),
    /** To the coordinator whose accepted case was escalated for want of first contact: it is still theirs. */
    CASE_OVERDUE("case-overdue"),
    /** To the coordinator who did not accept in time: the case went to someone else (or to the queue). */
    CASE_REASSIGNED("case-reassigned"),
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
