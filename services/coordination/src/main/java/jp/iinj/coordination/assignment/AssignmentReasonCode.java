package jp.iinj.coordination.assignment;

/**
 * Which rule chose the coordinator: the first rule, in ranking order, on which they beat the next in line. Codes,
 * not prose, are what events and statistics carry.
 */
public enum AssignmentReasonCode {
    EXPERTISE("expertise"),
    SAME_BUREAU("same-bureau"),
    LOWEST_LOAD("lowest-load"),
    ROTATION("rotation");

    private final String code;

    AssignmentReasonCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
