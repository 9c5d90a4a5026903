package jp.iinj.memberregistry.membership;

import jp.iinj.contracts.membership.SuspensionReason;
import jp.iinj.contracts.membership.WithdrawalReason;

/** Bodies of the membership actions. Reason codes are published; notes stay in the registry (they may name people). */
public final class MembershipRequests {

    private MembershipRequests() {
    }

    public record Suspend(SuspensionReason reason, String note) {
    }

    public record Withdraw(WithdrawalReason reason, String note) {
    }
}
