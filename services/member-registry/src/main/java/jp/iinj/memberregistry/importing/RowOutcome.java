package jp.iinj.memberregistry.importing;

import java.util.List;

/** What became of one row. */
record RowOutcome(long row, Result result, List<RowError> errors) {

    enum Result {
        IMPORTED,
        /** Its corporate number, or without one its name in its prefecture, is registered already: nothing changed. */
        ALREADY_REGISTERED,
        REJECTED
    }

    RowOutcome {
        errors = List.copyOf(errors);
    }

    static RowOutcome imported(long row) {
        return new RowOutcome(row, Result.IMPORTED, List.of());
    }

    static RowOutcome alreadyRegistered(long row) {
        return new RowOutcome(row, Result.ALREADY_REGISTERED, List.of());
    }

    static RowOutcome rejected(long row, List<RowError> errors) {
        return new RowOutcome(row, Result.REJECTED, errors);
    }
}
