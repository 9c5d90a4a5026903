package jp.iinj.businessmatching.engine;

import java.util.List;

/** Why a proposal scores what it does: its contributions add up to exactly the score (0–100, two decimals). */
public record Explanation(double score, List<Contribution> contributions) {

    public Explanation {
        contributions = List.copyOf(contributions);
    }
}
