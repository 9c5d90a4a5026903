package jp.iinj.memberregistry.approval;

import jakarta.validation.constraints.NotNull;

import jp.iinj.contracts.membership.RejectionReason;
import jp.iinj.httpapi.core.validation.FreeText;

/** Bodies of the decisions on an application. */
public final class DecisionRequests {

    private DecisionRequests() {
    }

    /**
     * @param reason public reason code (published)
     * @param note   free text for the organisation and the approvers, several lines allowed; may name people, so it is
     *               never published
     */
    public record RejectApplication(@NotNull(message = "must not be null") RejectionReason reason,
                                    @FreeText(max = 1000, multiLine = true) String note) {
    }
}
