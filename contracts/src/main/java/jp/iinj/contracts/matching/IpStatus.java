package jp.iinj.contracts.matching;

/** The intellectual property behind a profile. */
public enum IpStatus {
    NONE,
    SECRET_KNOW_HOW,
    PATENT_APPLIED,
    PATENT_GRANTED;

    /** Something a licence can be granted on. */
    public boolean licensable() {
        return this != NONE;
    }
}
