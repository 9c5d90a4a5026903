package jp.iinj.eventfeeds.kpis;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The live projection's record of one event's share of one cell. Its id is the event's id and the share's index, so
 * an event applied twice (after a restart, or by two instances) is stored once: the live figures are these facts
 * added up.
 *
 * @param time  the event's time: figures as of a day add up the facts up to its end
 * @param month {@code YYYY-MM} in Japan
 */
@Document(KpiFact.COLLECTION)
@CompoundIndex(name = "bureau_time", def = "{'bureau': 1, 'time': 1}")
record KpiFact(@Id String id, String bureau, String prefecture, String cluster, String month, Instant time,
               KpiCounts counts) {

    static final String COLLECTION = "kpi_facts";
}
