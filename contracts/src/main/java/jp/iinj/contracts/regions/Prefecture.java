package jp.iinj.contracts.regions;

/** A prefecture by its JIS X 0401 code, with the regional bureau that covers it. */
public record Prefecture(String jisCode, String nameEn, String nameJa, RegionalBureau bureau) {
}
