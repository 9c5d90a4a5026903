package jp.iinj.coordination.assignment;

/** The words of an assignment's reason: what the chosen coordinator brings, by the rule that decided. */
final class AssignmentReasons {

    private AssignmentReasons() {
    }

    static AssignmentReason of(AssignmentReasonCode code, AssignmentRules.Ranked chosen, boolean alone) {
        RosterCandidate candidate = chosen.candidate();
        String load = candidate.openCases() + "/" + candidate.capacity();
        String aloneJa = alone ? "唯一の割当可能なコーディネーター。" : "";
        String aloneEn = alone ? "The only eligible coordinator. " : "";
        return switch (code) {
            case EXPERTISE -> new AssignmentReason(
                    aloneJa + "案件の技術分野・業種と最も多く重なる専門性（" + chosen.sharedExpertise().size() + "件: "
                            + String.join(", ", chosen.sharedExpertise()) + "）。",
                    aloneEn + "Greatest overlap with the case's technology fields and industries ("
                            + chosen.sharedExpertise().size() + ": " + String.join(", ", chosen.sharedExpertise())
                            + ").");
            case SAME_BUREAU -> new AssignmentReason(
                    aloneJa + "専門性の重なりが同等の中で、両当事者の経済産業局を担当。",
                    aloneEn + "Covers the bureaus of both parties, with expertise as close as anyone's.");
            case LOWEST_LOAD -> new AssignmentReason(
                    aloneJa + "専門性・担当局が同等の中で、負荷が最も低い（担当中 " + load + " 件）。",
                    aloneEn + "Lowest workload (" + load + " open cases) among those equally suited by expertise "
                            + "and bureau.");
            case ROTATION -> new AssignmentReason(
                    "専門性・担当局・負荷が同等のため、順番（最後の割当が最も古い担当者）で選定。",
                    "Equal on expertise, bureau and workload: chosen in turn, as the one assigned least recently.");
        };
    }
}
