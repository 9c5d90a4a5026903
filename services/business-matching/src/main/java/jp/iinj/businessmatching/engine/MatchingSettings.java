package jp.iinj.businessmatching.engine;

/**
 * The engine's cut-offs.
 *
 * @param maxProposals at most this many proposals per profile
 * @param threshold    the lowest score (0–100) worth proposing
 * @param candidates   how many of the best text and concept matches are scored in full; the structured factors
 *                     then reorder them
 */
public record MatchingSettings(int maxProposals, double threshold, int candidates) {

    public static MatchingSettings defaults() {
        return new MatchingSettings(10, 25, 50);
    }

    public MatchingSettings withMaxProposals(int max) {
        return new MatchingSettings(max, threshold, candidates);
    }

    public MatchingSettings withThreshold(double lowest) {
        return new MatchingSettings(maxProposals, lowest, candidates);
    }
}
