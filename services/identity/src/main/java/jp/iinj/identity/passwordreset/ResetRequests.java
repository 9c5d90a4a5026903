package jp.iinj.identity.passwordreset;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jp.iinj.identity.accounts.Emails;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The pending password resets ({@code password_reset_requests}): recorded on the request path, the same single insert
 * whatever the e-mail, and worked off by {@link ResetRequestWorker} on any instance. Every write is one atomic
 * single-document operation: claiming is a {@code findAndModify} on a free lease, so two instances never handle one
 * request at the same time, and a request outlives a restart.
 */
@Component
class ResetRequests implements InitializingBean {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final ResetRequestSettings settings;

    ResetRequests(MongoTemplate mongo, Clock clock, ResetRequestSettings settings) {
        this.mongo = mongo;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(ResetRequest.COLLECTION).createIndex(new Index().on("requestedAt", Sort.Direction.ASC));
    }

    /** Records that a reset was asked for this e-mail; nothing is looked up. */
    void record(String email) {
        mongo.insert(new ResetRequest(UUID.randomUUID().toString(), Emails.normalise(email), clock.instant(), null, 0));
    }

    /** The oldest request no instance is handling, now leased to the caller; empty when there is none. */
    Optional<ResetRequest> claimNext() {
        Instant now = clock.instant();
        Query free = Query.query(new Criteria().orOperator(Criteria.where("leaseUntil").is(null),
                        Criteria.where("leaseUntil").lte(now)))
                .with(Sort.by("requestedAt"));
        return Optional.ofNullable(mongo.findAndModify(free,
                new Update().set("leaseUntil", now.plus(settings.lease())).inc("attempts", 1),
                FindAndModifyOptions.options().returnNew(true), ResetRequest.class));
    }

    /** Handled (or given up): gone. */
    void remove(ResetRequest request) {
        mongo.remove(Query.query(Criteria.where("_id").is(request.id())), ResetRequest.class);
    }
}
