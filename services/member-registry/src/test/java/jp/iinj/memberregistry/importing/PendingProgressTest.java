package jp.iinj.memberregistry.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Counting finished rows for the status, with at most so many errors stored. */
class PendingProgressTest {

    @Test
    void countsEachOutcomeOnceAndStoresErrorsUpToTheMaximum() {
        PendingProgress pending = new PendingProgress(3);
        pending.add(RowOutcome.imported(2));
        pending.add(RowOutcome.alreadyRegistered(3));
        pending.add(RowOutcome.rejected(4, List.of(new RowError(4, "legal_name", "must not be blank"),
                new RowError(4, "prefecture_code", "unknown"))));

        ProgressDelta first = pending.drain();
        assertThat(first.rowsRead()).isEqualTo(3);
        assertThat(first.imported()).isEqualTo(1);
        assertThat(first.alreadyRegistered()).isEqualTo(1);
        assertThat(first.rejected()).isEqualTo(1);
        assertThat(first.errors()).hasSize(2);
        assertThat(first.errorsDropped()).isFalse();

        pending.add(RowOutcome.rejected(5, List.of(new RowError(5, null, "a"), new RowError(5, null, "b"))));
        ProgressDelta second = pending.drain();
        assertThat(second.rejected()).isEqualTo(1);
        assertThat(second.errors()).extracting(RowError::message).containsExactly("a");
        assertThat(second.errorsDropped()).isTrue();

        pending.add(RowOutcome.rejected(6, List.of(new RowError(6, null, "c"))));
        ProgressDelta third = pending.drain();
        assertThat(third.errors()).isEmpty();
        assertThat(third.errorsDropped()).isTrue();

        assertThat(pending.drain().isEmpty()).isTrue();
    }
}
