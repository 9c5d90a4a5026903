package jp.iinj.memberregistry.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * What a batch of finished rows adds to an import's status: counters to increment and row errors to append.
 *
 * @param errorsDropped row errors that were not stored because the status holds its maximum already
 */
record ProgressDelta(long imported, long alreadyRegistered, long rejected, List<RowError> errors,
                     boolean errorsDropped) {

    static final ProgressDelta NONE = new ProgressDelta(0, 0, 0, List.of(), false);

    ProgressDelta {
        errors = List.copyOf(errors);
    }

    long rowsRead() {
        return imported + alreadyRegistered + rejected;
    }

    boolean isEmpty() {
        return rowsRead() == 0 && errors.isEmpty() && !errorsDropped;
    }

    /**
     * Counts a batch of outcomes; of their errors, stores at most {@code room} (what the status may still hold).
     */
    static ProgressDelta of(List<RowOutcome> outcomes, int room) {
        long imported = 0;
        long already = 0;
        long rejected = 0;
        List<RowError> errors = new ArrayList<>();
        boolean dropped = false;
        for (RowOutcome outcome : outcomes) {
            switch (outcome.result()) {
                case IMPORTED -> imported++;
                case ALREADY_REGISTERED -> already++;
                case REJECTED -> rejected++;
            }
            for (RowError error : outcome.errors()) {
                if (errors.size() < room) {
                    errors.add(error);
                } else {
                    dropped = true;
                }
            }
        }
        return new ProgressDelta(imported, already, rejected, errors, dropped);
    }
}
