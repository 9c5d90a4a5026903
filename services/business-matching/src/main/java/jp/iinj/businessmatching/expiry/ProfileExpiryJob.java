package jp.iinj.businessmatching.expiry;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import jp.iinj.businessmatching.profiles.PartneringProfile;
import jp.iinj.businessmatching.profiles.ProfileChanges;
import jp.iinj.businessmatching.profiles.ProfileStatus;
import jp.iinj.httpapi.core.problems.ConflictException;
import reactor.core.publisher.Mono;

/**
 * Expires published profiles past their last day. Safe with any number of instances at once: each expiry is a
 * single-document write guarded by the revision read, so of two instances racing for a profile (or a renewal racing
 * the job) exactly one wins and the other skips it; a profile missed while every instance was down is due the next
 * time any runs.
 */
@Component
public class ProfileExpiryJob {

    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(ProfileExpiryJob.class);

    private final ReactiveMongoTemplate mongo;
    private final ProfileChanges changes;
    private final Clock clock;

    public ProfileExpiryJob(ReactiveMongoTemplate mongo, ProfileChanges changes, Clock clock) {
        this.mongo = mongo;
        this.changes = changes;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${iinj.matching.jobs.interval:5m}", initialDelayString = "30s")
    void onSchedule() {
        Long expired = expireDue().onErrorResume(failure -> {
            log.warn("Profile expiry failed; it runs again at the next interval", failure);
            return Mono.just(0L);
        }).block();
        if (expired != null && expired > 0) {
            log.info("Profile expiry: {} profiles expired", expired);
        }
    }

    /** Expires up to one batch of due profiles; the number this instance expired. */
    public Mono<Long> expireDue() {
        var now = clock.instant();
        Query due = Query.query(where("status").is(ProfileStatus.PUBLISHED)
                        .and("expiresOn").lt(PartneringProfile.today(now)))
                .with(Sort.by("expiresOn")).limit(BATCH);
        return mongo.find(due, PartneringProfile.class)
                .concatMap(profile -> changes.bySystem(profile, ProfileChanges.expiry(now))
                        // another instance expired it, or the owner renewed it meanwhile
                        .onErrorResume(ConflictException.class, raced -> Mono.empty()))
                .count();
    }
}
