package jp.iinj.memberregistry.organisation;

/** Why an organisation registers without a corporate number; such organisations are checked for duplicates by name. */
public enum NoCorporateNumberReason {
    SOLE_PROPRIETOR,
    VOLUNTARY_ASSOCIATION,
    UNIVERSITY_FACULTY_OR_LABORATORY,
    FOREIGN_ORGANISATION,
    OTHER
}
