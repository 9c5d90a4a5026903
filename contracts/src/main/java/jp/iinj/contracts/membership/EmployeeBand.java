package jp.iinj.contracts.membership;

/** Head-count bands, wide enough that publishing them reveals nothing about a small firm's people. */
public enum EmployeeBand {
    EMPLOYEES_1_TO_4,
    EMPLOYEES_5_TO_19,
    EMPLOYEES_20_TO_49,
    EMPLOYEES_50_TO_99,
    EMPLOYEES_100_TO_299,
    EMPLOYEES_300_TO_999,
    EMPLOYEES_1000_OR_MORE
}
