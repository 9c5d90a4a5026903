package jp.iinj.eventfeeds.kpis;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import jp.iinj.eventfeeds.log.FeedEvent;
import reactor.core.publisher.Mono;

/**
 * The KPIs as of a past moment: the log replayed from its beginning, in the order the live projection reads it, into a
 * fresh {@link KpiTally}. The log is streamed from a database cursor, a batch at a time (only the types the KPIs
 * count), never loaded whole; what stays in memory is the cells and each member's status and open case's opening.
 */
@Service
public class KpiReplay {

    private final ReactiveMongoTemplate mongo;

    public KpiReplay(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Every cell, all bureaus, from the events whose time is at or before {@code until}. */
    public Mono<Map<KpiCell, KpiCounts>> cells(Instant until) {
        Query upTo = Query.query(where("time").lte(until).and("type").in(KpiFold.TYPES))
                .with(Sort.by("topic", "partition", "offset"));
        return mongo.find(upTo, FeedEvent.class, FeedEvent.COLLECTION)
                .map(KpiEvent::of)
                .collect(KpiTally::new, KpiTally::apply)
                .map(KpiTally::cells);
    }
}
