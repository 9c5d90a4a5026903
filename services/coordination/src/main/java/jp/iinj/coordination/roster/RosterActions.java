package jp.iinj.coordination.roster;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import jp.iinj.eventing.outbox.AggregateStore;
import jp.iinj.httpapi.core.access.PlatformPrincipal;
import jp.iinj.httpapi.core.problems.ConflictException;
import jp.iinj.httpapi.core.problems.PreconditionFailedException;
import jp.iinj.httpapi.core.problems.ProblemException;
import jp.iinj.httpapi.core.problems.ResourceNotFoundException;
import reactor.core.publisher.Mono;

/**
 * Every action on the roster, each in the same order: who may do it ({@link RosterAccess}: 404 for an entry the
 * caller may not see, 403 for one they may see but not maintain), then the revision they read (412), then the change
 * itself ({@link Coordinator}), stored in one write guarded by that revision (409 if someone changed it in between).
 * Roster changes publish no events yet; the writes go through the {@link AggregateStore} so that they can.
 */
@Service
public class RosterActions {

    private final ReactiveMongoTemplate mongo;
    private final AggregateStore store;
    private final ApplicationEventPublisher published;
    private final Clock clock;

    public RosterActions(ReactiveMongoTemplate mongo, AggregateStore store, ApplicationEventPublisher published,
                         Clock clock) {
        this.published = published;
        this.mongo = mongo;
        this.store = store;
        this.clock = clock;
    }

    public Mono<List<Coordinator>> list(RosterListRequest request, PlatformPrincipal caller) {
        Criteria criteria = where("active").is(request.active());
        switch (RosterAccess.listView(caller)) {
            case WHOLE -> {
                if (request.bureau() != null) {
                    criteria = criteria.and("bureaus").is(request.bureau());
                }
            }
            case OWN_BUREAUS -> {
                if (request.bureau() != null && !caller.bureaus().contains(request.bureau())) {
                    return Mono.error(ProblemException.forbidden("A regional body reads the roster of its own "
                            + "bureaus only; " + request.bureau() + " is not one of them."));
                }
                criteria = request.bureau() != null ? criteria.and("bureaus").is(request.bureau())
                        : criteria.and("bureaus").in(caller.bureaus());
            }
            case OWN_ENTRY -> {
                criteria = criteria.and("subject").is(caller.subject());
                if (request.bureau() != null) {
                    criteria = criteria.and("bureaus").is(request.bureau());
                }
            }
            case NONE -> {
                return Mono.error(ProblemException.forbidden("The roster is for administrators, regional bodies "
                        + "and coordinators."));
            }
        }
        Query query = Query.query(criteria).with(Sort.by("name", "_id")).limit(request.limit());
        return mongo.find(query, Coordinator.class).collectList();
    }

    public Mono<Coordinator> read(String coordinatorId, PlatformPrincipal caller) {
        return visible(coordinatorId, caller);
    }

    public Mono<Coordinator> add(CoordinatorRequests.NewCoordinator request, PlatformPrincipal caller) {
        RosterEntry entry = RosterRules.checked(request.entry(), "entry.");
        if (!RosterAccess.mayMaintain(caller, entry.bureaus())) {
            return Mono.error(ProblemException.forbidden("Administrators put anyone on the roster; a regional body "
                    + "only coordinators whose bureaus are all its own."));
        }
        Coordinator coordinator = Coordinator.rostered(UUID.randomUUID().toString(), request.subject(), entry,
                caller.subject(), clock.instant());
        return store.insert(coordinator, List.of())
                .doOnNext(added -> published.publishEvent(new RosterChanged(added.id())))
                .onErrorMap(DuplicateKeyException.class, duplicate -> ConflictException.because(
                        "coordinator-already-rostered", "subject " + request.subject() + " is already on the roster; "
                                + "change or reactivate that entry"));
    }

    public Mono<Coordinator> update(String coordinatorId, CoordinatorRequests.CoordinatorInput input,
                                    PlatformPrincipal caller, long expectedRevision) {
        RosterEntry entry = RosterRules.checked(input, "");
        return change(coordinatorId, caller, expectedRevision, entry.bureaus(),
                current -> current.updated(entry, caller.subject(), clock.instant()));
    }

    public Mono<Coordinator> deactivate(String coordinatorId, PlatformPrincipal caller, Long expectedRevision) {
        return change(coordinatorId, caller, expectedRevision, null,
                current -> current.deactivated(caller.subject(), clock.instant()));
    }

    public Mono<Coordinator> reactivate(String coordinatorId, PlatformPrincipal caller, Long expectedRevision) {
        return change(coordinatorId, caller, expectedRevision, null,
                current -> current.reactivated(caller.subject(), clock.instant()));
    }

    /**
     * @param bureausAfter the bureaus the entry will cover, when the change moves it (checked like the current ones)
     */
    private Mono<Coordinator> change(String coordinatorId, PlatformPrincipal caller, Long expectedRevision,
                                     List<String> bureausAfter, UnaryOperator<Coordinator> change) {
        return visible(coordinatorId, caller).flatMap(current -> {
            if (!RosterAccess.mayMaintain(caller, current.bureaus())
                    || bureausAfter != null && !RosterAccess.mayMaintain(caller, bureausAfter)) {
                return Mono.error(ProblemException.forbidden("Administrators maintain every roster entry; a "
                        + "regional body only those whose bureaus are all its own, before and after the change."));
            }
            if (expectedRevision != null && expectedRevision != current.revision()) {
                return Mono.error(new PreconditionFailedException("coordinator " + coordinatorId
                        + " has changed since you read it; read it again"));
            }
            Coordinator next;
            try {
                next = change.apply(current);
            } catch (ProblemException refused) {
                return Mono.error(refused);
            }
            return store.update(next, where("revision").is(current.revision()), List.of())
                    .doOnNext(changed -> published.publishEvent(new RosterChanged(changed.id())))
                    .onErrorMap(OptimisticLockingFailureException.class, changed -> new ConflictException(
                            "coordinator " + coordinatorId + " changed meanwhile; read it again", changed));
        });
    }

    private Mono<Coordinator> visible(String coordinatorId, PlatformPrincipal caller) {
        return mongo.findById(coordinatorId, Coordinator.class)
                .filter(coordinator -> RosterAccess.maySee(caller, coordinator))
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("no coordinator " + coordinatorId)));
    }
}
