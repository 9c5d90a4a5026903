package jp.iinj.eventfeeds.kpis;

import java.util.HashMap;
import java.util.Map;

/**
 * A fresh projection in memory: events folded in log order into cells, with what is remembered of each member and
 * open case. What a replay as of a past date builds; also what the live projection's facts add up to.
 */
public final class KpiTally {

    private final Map<KpiCell, KpiCounts> cells = new HashMap<>();
    private final Map<String, KpiAggregateState> aggregates = new HashMap<>();

    /** Folds the next event of the log in. */
    public KpiTally apply(KpiEvent event) {
        String aggregate = KpiFold.aggregateOf(event);
        KpiFold.Step step = KpiFold.apply(event, aggregate == null ? null : aggregates.get(aggregate));
        if (step.after() != null) {
            aggregates.put(step.after().id(), step.after());
        }
        step.contributions().forEach(contribution -> add(contribution.cell(), contribution.counts()));
        return this;
    }

    /** Adds counts to a cell, as the live projection's stored facts are summed. */
    public KpiTally add(KpiCell cell, KpiCounts counts) {
        cells.merge(cell, counts, KpiCounts::plus);
        return this;
    }

    public Map<KpiCell, KpiCounts> cells() {
        return Map.copyOf(cells);
    }
}
