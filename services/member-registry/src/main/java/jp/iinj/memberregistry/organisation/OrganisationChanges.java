package jp.iinj.memberregistry.organisation;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import jp.iinj.eventing.outbox.AggregateStore;
import jp.iinj.eventing.outbox.OutboxEntry;
import jp.iinj.httpapi.core.access.PlatformPrincipal;
import jp.iinj.httpapi.core.problems.ConflictException;
import jp.iinj.httpapi.core.problems.PreconditionFailedException;
import jp.iinj.httpapi.core.problems.ProblemException;
import jp.iinj.httpapi.core.problems.ResourceNotFoundException;
import reactor.core.publisher.Mono;

/**
 * The one way a caller changes an existing organisation: read it, refuse who may not see it (404) or may not make
 * this change (403), check the revision the caller read (412), apply the domain change (409 if the lifecycle does
 * not allow it) and store it with its events in one single-document write guarded by the revision read (409 if
 * someone else changed it in between).
 */
@Service
public class OrganisationChanges {

    private final Organisations organisations;
    private final AggregateStore store;
    private final Clock clock;

    public OrganisationChanges(Organisations organisations, AggregateStore store, Clock clock) {
        this.organisations = organisations;
        this.store = store;
        this.clock = clock;
    }

    /** A change and who may make it. */
    public record Change(
            Predicate<Organisation> allowedFor,
            String forbiddenDetail,
            BiFunction<Organisation, Instant, Organisation> apply,
            Function<Organisation, List<OutboxEntry>> events) {
    }

    /**
     * @param expectedRevision from {@code If-Match}, or {@code null} when the caller sent none (the guarded write
     *                         still refuses a concurrent change)
     */
    public Mono<Organisation> change(String organisationId, PlatformPrincipal caller, Long expectedRevision,
                                     Change change) {
        return organisations.byId(organisationId)
                // who may not even see it is told it does not exist
                .filter(organisation -> organisation.visibleTo(caller))
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("no organisation " + organisationId)))
                .flatMap(current -> {
                    if (!change.allowedFor().test(current)) {
                        return Mono.error(ProblemException.forbidden(change.forbiddenDetail()));
                    }
                    if (expectedRevision != null && expectedRevision != current.revision()) {
                        return Mono.error(new PreconditionFailedException("organisation " + organisationId
                                + " has changed since you read it; read it again"));
                    }
                    return store(current, change);
                });
    }

    /** The same change without a caller: scheduled jobs. */
    public Mono<Organisation> changeAsSystem(Organisation current, Change change) {
        return store(current, change);
    }

    private Mono<Organisation> store(Organisation current, Change change) {
        Organisation next;
        try {
            next = change.apply().apply(current, clock.instant());
        } catch (ConflictException refused) {
            return Mono.error(refused);
        }
        return store.update(next, where("revision").is(current.revision()), change.events().apply(next))
                .onErrorMap(OptimisticLockingFailureException.class, changed -> new ConflictException(
                        "organisation " + current.id() + " changed meanwhile; read it again", changed));
    }
}
