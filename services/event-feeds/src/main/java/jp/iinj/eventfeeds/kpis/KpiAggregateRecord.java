package jp.iinj.eventfeeds.kpis;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the live projection remembers of one member or case, and the position of the last event of it applied: an
 * event at or before that position was applied already and is skipped.
 */
@Document(KpiAggregateRecord.COLLECTION)
record KpiAggregateRecord(@Id String id, KpiAggregateState state, String topic, int partition, long offset) {

    static final String COLLECTION = "kpi_aggregates";

    boolean applied(KpiEvent event) {
        return topic.equals(event.topic()) && partition == event.partition() && offset >= event.offset();
    }
}
