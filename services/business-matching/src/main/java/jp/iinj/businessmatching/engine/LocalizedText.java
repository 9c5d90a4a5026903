package jp.iinj.businessmatching.engine;

/** One text in Japanese, English or both; either may be null. */
public record LocalizedText(String ja, String en) {

    public boolean isEmpty() {
        return ja == null && en == null;
    }

    /** Both languages, one after the other, for analysis. */
    String joined() {
        if (ja == null) {
            return en == null ? "" : en;
        }
        return en == null ? ja : ja + "\n" + en;
    }
}
