package jp.iinj.memberregistry.importing;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads and writes import statuses. Every write is one single-document update guarded by {@code state: RUNNING}:
 * it answers whether the import was still running, and an import that was declared FAILED (it looked dead) is
 * left alone, so its runner stops.
 */
@Component
class MemberImports {

    private final ReactiveMongoTemplate mongo;

    MemberImports(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<MemberImport> create(MemberImport started) {
        return mongo.insert(started);
    }

    Mono<MemberImport> byId(String id) {
        return mongo.findById(id, MemberImport.class);
    }

    /** Adds a batch's counts and errors; false when the import is no longer RUNNING. */
    Mono<Boolean> progress(String id, ProgressDelta delta, Instant now) {
        return updateRunning(id, withDelta(delta, now));
    }

    /** Shows the import is alive although no row finished lately; false when it is no longer RUNNING. */
    Mono<Boolean> touch(String id, Instant now) {
        return updateRunning(id, new Update().set("updatedAt", now));
    }

    /** The last counts and the end state, in one write. */
    Mono<Boolean> finish(String id, ProgressDelta delta, ImportState state, String failureReason, Instant now) {
        Update update = withDelta(delta, now).set("state", state).set("finishedAt", now);
        if (failureReason != null) {
            update.set("failureReason", failureReason);
        }
        return updateRunning(id, update);
    }

    /** Declares a RUNNING import not touched since {@code before} FAILED; false if it was touched or ended meanwhile. */
    Mono<Boolean> failIfStale(String id, Instant before, String reason, Instant now) {
        Query stale = Query.query(where("_id").is(id).and("state").is(ImportState.RUNNING).and("updatedAt").lt(before));
        Update failed = new Update().set("state", ImportState.FAILED).set("failureReason", reason)
                .set("finishedAt", now).set("updatedAt", now);
        return mongo.updateFirst(stale, failed, MemberImport.class).map(result -> result.getModifiedCount() == 1);
    }

    /** RUNNING imports not touched since {@code before}, oldest first. */
    Flux<MemberImport> stale(Instant before, int limit) {
        return mongo.find(Query.query(where("state").is(ImportState.RUNNING).and("updatedAt").lt(before))
                .with(Sort.by("updatedAt")).limit(limit), MemberImport.class);
    }

    private Mono<Boolean> updateRunning(String id, Update update) {
        Query running = Query.query(where("_id").is(id).and("state").is(ImportState.RUNNING));
        return mongo.updateFirst(running, update, MemberImport.class).map(result -> result.getMatchedCount() == 1);
    }

    private static Update withDelta(ProgressDelta delta, Instant now) {
        Update update = new Update().set("updatedAt", now);
        if (delta.rowsRead() > 0) {
            update.inc("rowsRead", delta.rowsRead())
                    .inc("rowsImported", delta.imported())
                    .inc("rowsAlreadyRegistered", delta.alreadyRegistered())
                    .inc("rowsRejected", delta.rejected());
        }
        if (!delta.errors().isEmpty()) {
            update.push("errors").each(delta.errors().toArray());
        }
        if (delta.errorsDropped()) {
            update.set("errorsTruncated", true);
        }
        return update;
    }
}
