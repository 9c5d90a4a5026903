package jp.iinj.contracts.membership;

/** The cluster policy's target typology (see the background document). */
public enum TargetTypology {
    /** Start-ups in new industries (bio, ICT), spin-offs from large firms or universities, in metropolitan areas. */
    TYPE_1_NEW_INDUSTRY_START_UP,
    /** Second-time start-ups and hidden champions in machinery, materials and metal processing in industrial areas. */
    TYPE_2_SECOND_TIME_START_UP_OR_HIDDEN_CHAMPION
}
