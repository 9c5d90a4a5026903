package jp.iinj.contracts.coordination;

/** How a coordination case ended; business matching records it on the match. */
public enum CaseOutcome {
    AGREEMENT_REACHED,
    NO_INTEREST,
    NO_ANSWER,
    DUPLICATE,
    OTHER
}
