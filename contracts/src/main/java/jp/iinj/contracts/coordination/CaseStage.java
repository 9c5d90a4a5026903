package jp.iinj.contracts.coordination;

/** Where an accepted case stands, in the order a coordinator moves it; closing is its own event. */
public enum CaseStage {
    FIRST_CONTACT,
    INTRODUCTION_MADE,
    NEGOTIATING
}
