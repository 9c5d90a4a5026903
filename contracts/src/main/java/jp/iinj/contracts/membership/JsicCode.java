package jp.iinj.contracts.membership;

/**
 * A Japan Standard Industrial Classification code with the revision it belongs to: codes are reused across
 * revisions with other meanings, so a code alone is ambiguous.
 *
 * @param revision e.g. {@code "14"} (the revision published July 2023, in force from April 2024)
 * @param code     a division letter ({@code "E"}) or a 2-, 3- or 4-digit group code ({@code "2611"})
 */
public record JsicCode(String revision, String code) {
}
