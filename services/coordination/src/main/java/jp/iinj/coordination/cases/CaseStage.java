package jp.iinj.coordination.cases;

/**
 * How far an accepted case got, in the order a coordinator moves it; only forward. The same names as the contracts'
 * {@code jp.iinj.contracts.coordination.CaseStage} (coming with the case events), which may replace this one.
 */
public enum CaseStage {
    FIRST_CONTACT,
    INTRODUCTION_MADE,
    NEGOTIATING
}
