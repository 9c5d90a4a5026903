package jp.iinj.businessmatching.profiles;

/** One text in Japanese, English or both; stored as checked (NFC, stripped), blank as absent. */
public record LocalizedText(String ja, String en) {

    public boolean isEmpty() {
        return ja == null && en == null;
    }
}
