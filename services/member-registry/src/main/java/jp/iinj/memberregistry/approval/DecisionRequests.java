package jp.iinj.memberregistry.approval;

import jp.iinj.contracts.membership.RejectionReason;

/** Bodies of the decisions on an application. */
public final class DecisionRequests {

    private DecisionRequests() {
    }

    /**
     * @param reason public reason code (published)
     * @param note   free text for the organisation and the approvers; may name people, so it is never published
     */
    public record RejectApplication(RejectionReason reason, String note) {
    }
}
