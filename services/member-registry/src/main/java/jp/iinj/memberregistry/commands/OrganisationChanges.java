package jp.iinj.memberregistry.commands;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import jp.iinj.eventing.outbox.AggregateStore;
import jp.iinj.httpapi.core.problems.ConflictException;
import jp.iinj.httpapi.core.problems.PreconditionFailedException;
import jp.iinj.httpapi.core.problems.ProblemException;
import jp.iinj.httpapi.core.problems.ResourceNotFoundException;
import jp.iinj.httpapi.security.CallerRequest;
import jp.iinj.memberregistry.messaging.MemberEvents;
import jp.iinj.memberregistry.organisation.Organisation;
import jp.iinj.memberregistry.organisation.Organisations;
import reactor.core.publisher.Mono;

/**
 * The one way an existing organisation changes. A caller's command ({@link #onBehalfOf}): read the organisation,
 * refuse who may not see it (404) or may not give this command (403, also for its own people once it is not an
 * active member: {@link OrganisationAccess#standingRefusal}), check the revision the caller read (412). A
 * change no caller asked for ({@link #bySystem}, scheduled jobs) skips all three. Then either way: apply the change
 * (409 if the organisation's state does not allow it) and store it with its events in one single-document write
 * guarded by the revision read (409 if someone else changed it in between).
 */
@Service
public class OrganisationChanges {

    private final Organisations organisations;
    private final AggregateStore store;
    private final MemberEvents events;
    private final Clock clock;

    public OrganisationChanges(Organisations organisations, AggregateStore store, MemberEvents events, Clock clock) {
        this.organisations = organisations;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param expectedRevision from {@code If-Match}, or {@code null} when the caller sent none (the guarded write
     *                         still refuses a concurrent change)
     */
    public Mono<Organisation> onBehalfOf(CallerRequest request, String organisationId, Long expectedRevision,
                                         OrganisationCommand command) {
        return organisations.byId(organisationId)
                // who may not even see it is told it does not exist
                .filter(organisation -> organisation.visibleTo(request.caller()))
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("no organisation " + organisationId)))
                .flatMap(current -> {
                    Optional<String> refusal = command.whoMay().refusal(request.caller(), current);
                    if (refusal.isPresent()) {
                        return Mono.error(ProblemException.forbidden(refusal.get()));
                    }
                    if (expectedRevision != null && expectedRevision != current.revision()) {
                        return Mono.error(new PreconditionFailedException("organisation " + organisationId
                                + " has changed since you read it; read it again"));
                    }
                    return store(current, command, request.correlationId());
                });
    }

    /**
     * A change no caller asked for (scheduled jobs), of the version the job read: nobody to authorise, no correlation
     * id.
     */
    public Mono<Organisation> bySystem(Organisation current, OrganisationChange change) {
        return store(current, change, null);
    }

    private Mono<Organisation> store(Organisation current, OrganisationChange change, String correlationId) {
        Organisation next;
        try {
            next = change.apply(current, clock.instant());
        } catch (ConflictException refused) {
            return Mono.error(refused);
        }
        return store.update(next, where("revision").is(current.revision()), change.events(next, events, correlationId))
                .onErrorMap(OptimisticLockingFailureException.class, changed -> new ConflictException(
                        "organisation " + current.id() + " changed meanwhile; read it again", changed));
    }
}
