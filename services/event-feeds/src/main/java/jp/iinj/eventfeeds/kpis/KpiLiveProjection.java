package jp.iinj.eventfeeds.kpis;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.aggregation.GroupOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import jp.iinj.eventfeeds.log.FeedCursor;
import jp.iinj.eventfeeds.log.FeedLog;
import jp.iinj.eventfeeds.log.FeedScope;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The KPIs kept current: follows the feed log with a cursor of its own (stored after each page, so a restart resumes
 * where it was), and applies each event once through {@link KpiFold}, without transactions: the event's facts are
 * inserted under ids derived from the event (a second insert is a duplicate, ignored), then its aggregate's state is
 * written with the event's position, guarded so it never goes back. An event seen again after a crash between the two
 * gives the same facts (the state it is computed from has not moved) and is skipped once the state has. Several
 * instances may follow the log at once: they store the same facts.
 */
@Service
public class KpiLiveProjection {

    static final int PAGE = 500;
    private static final List<String> COUNTS = List.of("applied", "active", "rejected", "suspended", "withdrawn",
            "lapsed", "registrations", "profilesPublished", "proposals", "interests", "agreements", "casesClosed",
            "casesClosedWithAgreement", "escalations");

    private final ReactiveMongoTemplate mongo;
    private final FeedLog log;

    public KpiLiveProjection(ReactiveMongoTemplate mongo, FeedLog log) {
        this.mongo = mongo;
        this.log = log;
    }

    /** Applies the log's next page of events; how many it applied (a full page: call again at once). */
    public Mono<Integer> catchUp() {
        return mongo.findById(KpiProgress.LIVE, KpiProgress.class)
                .map(progress -> FeedCursor.parse(progress.cursor(), "cursor"))
                .defaultIfEmpty(FeedCursor.START)
                .flatMap(cursor -> log.after(cursor, FeedScope.everything(), PAGE))
                .flatMap(page -> Flux.fromIterable(page.events())
                        .map(KpiEvent::of)
                        .concatMap(this::apply)
                        .then(mongo.save(new KpiProgress(KpiProgress.LIVE, page.next().encoded())))
                        .thenReturn(page.events().size()));
    }

    /** Applies one event, once however often it is given. */
    Mono<Void> apply(KpiEvent event) {
        String aggregate = KpiFold.aggregateOf(event);
        if (aggregate == null) {
            return insert(event, KpiFold.apply(event, null));
        }
        return mongo.findById(aggregate, KpiAggregateRecord.class).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(found -> {
                    if (found.isPresent() && found.get().applied(event)) {
                        return Mono.empty();
                    }
                    KpiFold.Step step = KpiFold.apply(event, found.map(KpiAggregateRecord::state).orElse(null));
                    return insert(event, step).then(step.after() == null ? Mono.empty() : remember(step.after(), event));
                });
    }

    /** The cells of {@code scope}'s bureaus, from the facts of events up to {@code until}. */
    public Mono<Map<KpiCell, KpiCounts>> cells(FeedScope scope, Instant until) {
        Criteria facts = where("time").lte(until);
        if (!scope.unlimited()) {
            facts = facts.and("bureau").in(scope.bureaus());
        }
        GroupOperation group = Aggregation.group("bureau", "prefecture", "cluster", "month");
        for (String count : COUNTS) {
            group = group.sum("counts." + count).as(count);
        }
        group = group.push("counts.firstContactSeconds").as("firstContactSeconds");
        List<AggregationOperation> steps = List.of(Aggregation.match(facts), group);
        return mongo.aggregate(Aggregation.newAggregation(steps), KpiFact.COLLECTION, Document.class)
                .collect(KpiTally::new, (tally, row) -> {
                    Document id = row.get("_id", Document.class);
                    KpiCell cell = new KpiCell(new KpiRegion(id.getString("bureau"), id.getString("prefecture"),
                            id.getString("cluster")), YearMonth.parse(id.getString("month")));
                    tally.add(cell, counts(row));
                })
                .map(KpiTally::cells);
    }

    private Mono<Void> insert(KpiEvent event, KpiFold.Step step) {
        List<KpiFact> facts = new ArrayList<>();
        for (int i = 0; i < step.contributions().size(); i++) {
            KpiFold.Contribution share = step.contributions().get(i);
            KpiRegion region = share.cell().region();
            facts.add(new KpiFact(event.id() + "/" + i, region.bureau(), region.prefecture(), region.cluster(),
                    share.cell().month().toString(), event.time(), share.counts()));
        }
        return Flux.fromIterable(facts)
                .concatMap(fact -> mongo.insert(fact).onErrorResume(DuplicateKeyException.class, stored -> Mono.empty()))
                .then();
    }

    /** The state after {@code event}, unless a later event of the aggregate is remembered already. */
    private Mono<Void> remember(KpiAggregateState state, KpiEvent event) {
        Query notLater = Query.query(where("_id").is(state.id()).orOperator(
                where("topic").ne(event.topic()), where("partition").ne(event.partition()),
                where("offset").lt(event.offset())));
        Update update = new Update().set("state", state).set("topic", event.topic())
                .set("partition", event.partition()).set("offset", event.offset());
        return mongo.upsert(notLater, update, KpiAggregateRecord.class)
                .onErrorResume(DuplicateKeyException.class, later -> Mono.empty())
                .then();
    }

    @SuppressWarnings("unchecked")
    private static KpiCounts counts(Document row) {
        List<Long> seconds = new ArrayList<>();
        for (Object shares : row.get("firstContactSeconds", List.class)) {
            if (shares instanceof List<?> list) {
                list.forEach(value -> seconds.add(((Number) value).longValue()));
            }
        }
        return new KpiCounts(number(row, "applied"), number(row, "active"), number(row, "rejected"),
                number(row, "suspended"), number(row, "withdrawn"), number(row, "lapsed"),
                number(row, "registrations"), number(row, "profilesPublished"), number(row, "proposals"),
                number(row, "interests"), number(row, "agreements"), number(row, "casesClosed"),
                number(row, "casesClosedWithAgreement"), number(row, "escalations"), seconds);
    }

    private static long number(Document row, String field) {
        Object value = row.get(field);
        return value == null ? 0 : ((Number) value).longValue();
    }
}
