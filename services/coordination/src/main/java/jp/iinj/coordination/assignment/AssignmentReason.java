package jp.iinj.coordination.assignment;

/** Why a case went where it went, in words a regional body can read, in Japanese and English. */
public record AssignmentReason(String ja, String en) {
}
