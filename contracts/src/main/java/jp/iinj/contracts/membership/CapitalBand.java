package jp.iinj.contracts.membership;

/** Stated capital in yen; the 50 M / 100 M / 300 M limits are those of the SME Basic Act's definitions. */
public enum CapitalBand {
    UNDER_10M_YEN,
    FROM_10M_TO_50M_YEN,
    FROM_50M_TO_100M_YEN,
    FROM_100M_TO_300M_YEN,
    FROM_300M_TO_1B_YEN,
    OVER_1B_YEN,
    NOT_APPLICABLE
}
