package jp.iinj.businessmatching.interests;

import java.time.Instant;

/** One member's identity was disclosed to another, on acceptance: recorded, as the anonymity promise requires. */
public record Disclosure(String disclosedMemberId, String toMemberId, Instant at) {
}
