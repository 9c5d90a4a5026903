package jp.iinj.contracts.matching;

/** How far the technology or product of a profile has come. */
public enum DevelopmentStage {
    CONCEPT,
    UNDER_DEVELOPMENT,
    LAB_TESTED,
    AVAILABLE_FOR_DEMONSTRATION,
    ON_THE_MARKET
}
