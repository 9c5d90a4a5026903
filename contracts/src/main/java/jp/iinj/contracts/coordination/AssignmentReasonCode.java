package jp.iinj.contracts.coordination;

/**
 * Why a coordinator was given a case: the first assignment rule on which they beat the next in line, or
 * {@code MANUAL} when a regional body or an administrator chose them by hand. The reason in words a regional body
 * reads stays in coordination.
 */
public enum AssignmentReasonCode {
    EXPERTISE,
    SAME_BUREAU,
    LOWEST_LOAD,
    ROTATION,
    MANUAL
}
