package jp.iinj.businessmatching.engine;

/** A counterpart for a profile, with its score and the reasons for it. */
public record Proposal(String counterpartId, double score, Explanation explanation) {
}
