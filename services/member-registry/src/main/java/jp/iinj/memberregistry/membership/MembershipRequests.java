package jp.iinj.memberregistry.membership;

import jakarta.validation.constraints.NotNull;

import jp.iinj.contracts.membership.SuspensionReason;
import jp.iinj.contracts.membership.WithdrawalReason;
import jp.iinj.httpapi.core.validation.FreeText;

/**
 * Bodies of the membership actions. Reason codes are published; notes (several lines allowed) stay in the registry
 * (they may name people).
 */
public final class MembershipRequests {

    static final int MAX_NOTE = 1000;

    private MembershipRequests() {
    }

    public record Suspend(@NotNull(message = "must not be null") SuspensionReason reason,
                          @FreeText(max = MAX_NOTE, multiLine = true) String note) {
    }

    public record Withdraw(@NotNull(message = "must not be null") WithdrawalReason reason,
                           @FreeText(max = MAX_NOTE, multiLine = true) String note) {
    }
}
