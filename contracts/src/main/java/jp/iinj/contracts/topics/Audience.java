package jp.iinj.contracts.topics;

/** Who may read a topic's payloads; decides what personal data an event may carry (APPI). */
public enum Audience {
    /** Regional bodies may receive these events through feeds: no personal contact data. */
    PUBLIC,
    /** Only platform services read these. */
    INTERNAL
}
