package jp.iinj.memberregistry.lapse;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jp.iinj.httpapi.core.problems.ConflictException;
import jp.iinj.memberregistry.commands.OrganisationChanges;
import jp.iinj.memberregistry.organisation.MembershipStatus;
import jp.iinj.memberregistry.organisation.MembershipTerms;
import jp.iinj.memberregistry.organisation.Organisation;
import reactor.core.publisher.Mono;

/**
 * Lapses memberships that expired and were not renewed within the grace period. Safe with any number of instances
 * running it at once: each lapse is a single-document write guarded by the revision read, so of two instances
 * racing for the same organisation (or a renewal racing the job) exactly one wins and the other skips it.
 */
@Component
public class MembershipLapseJob {

    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(MembershipLapseJob.class);

    private final ReactiveMongoTemplate mongo;
    private final OrganisationChanges changes;
    private final MembershipTerms terms;
    private final Clock clock;
    private final Counter lapsed;

    public MembershipLapseJob(ReactiveMongoTemplate mongo, OrganisationChanges changes, MembershipTerms terms,
                              Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.changes = changes;
        this.terms = terms;
        this.clock = clock;
        this.lapsed = Counter.builder("iinj.membership.lapsed")
                .description("Memberships lapsed by this instance").register(meters);
    }

    @Scheduled(fixedDelayString = "${iinj.membership.lapse-check-interval:1m}", initialDelayString = "30s")
    void onSchedule() {
        Long count;
        try {
            count = lapseDue().onErrorResume(failure -> {
                log.warn("Lapse job failed; it runs again at the next interval", failure);
                return Mono.just(0L);
            }).block(terms.lapseCheckInterval().plusMinutes(5));
        } catch (RuntimeException stopped) {
            if (stopped.getCause() instanceof InterruptedException) {
                return; // the application is shutting down; the next instance or start picks the rest up
            }
            throw stopped;
        }
        if (count != null && count > 0) {
            log.info("Lapse job: {} memberships lapsed", count);
        }
    }

    /** Lapses up to one batch of due memberships; the number this instance lapsed. */
    public Mono<Long> lapseDue() {
        LocalDate today = clock.instant().atZone(terms.zone()).toLocalDate();
        // lapsed when today is after expiresOn + grace, i.e. expiresOn < today - grace
        LocalDate expiredBefore = today.minus(terms.gracePeriod());
        Query due = Query.query(where("membership.status").is(MembershipStatus.ACTIVE)
                        .and("membership.expiresOn").lt(expiredBefore))
                .with(Sort.by("membership.expiresOn")).limit(BATCH);
        return mongo.find(due, Organisation.class)
                .concatMap(organisation -> changes.bySystem(organisation, new LapseMembership(terms))
                        .doOnNext(changed -> lapsed.increment())
                        // another instance lapsed it, or it was renewed meanwhile
                        .onErrorResume(ConflictException.class, raced -> Mono.empty()))
                .count();
    }
}
