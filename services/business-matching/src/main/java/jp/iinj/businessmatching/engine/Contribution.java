package jp.iinj.businessmatching.engine;

/**
 * One reason in a proposal's explanation, in words a person reads, and the points it adds to the score.
 */
public record Contribution(Kind kind, String label, double points) {

    /** What kind of evidence it is. */
    public enum Kind {
        /** A word both texts use (BM25). */
        TERM,
        /** The same idea in different words, through the technical glossary. */
        CONCEPT,
        TECHNOLOGY_FIELD,
        JSIC,
        REGION,
        STAGE_AND_IP,
        ORGANISATION_TYPES
    }
}
