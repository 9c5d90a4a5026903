package jp.iinj.memberregistry.people;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.List;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.eventing.outbox.AggregateStore;
import jp.iinj.httpapi.core.access.PlatformPrincipal;
import jp.iinj.httpapi.core.problems.ConflictException;
import jp.iinj.httpapi.core.problems.ProblemException;
import jp.iinj.httpapi.core.problems.ResourceNotFoundException;
import jp.iinj.memberregistry.commands.OrganisationAccess;
import jp.iinj.memberregistry.messaging.OrganisationPeopleEvents;
import jp.iinj.memberregistry.organisation.Organisation;
import reactor.core.publisher.Mono;

/**
 * The organisation's owner, or an administrator, removes a person: the person is REMOVAL_REQUESTED and
 * {@code staff-removed} is published in the same write; identity applies it and answers with
 * {@code person-left-member}, which makes the person LEFT. The owner cannot be removed (there is no transfer of
 * ownership yet), so the owner cannot remove themself either. The owner removes nobody once the organisation is not
 * an active member ({@link OrganisationAccess#standingRefusal}).
 */
@Service
public class StaffRemoval {

    private final OrganisationPeopleAccess access;
    private final OrganisationPeople people;
    private final AggregateStore store;
    private final OrganisationPeopleEvents events;
    private final Clock clock;

    StaffRemoval(OrganisationPeopleAccess access, OrganisationPeople people, AggregateStore store,
                 OrganisationPeopleEvents events, Clock clock) {
        this.access = access;
        this.people = people;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** @return the person, REMOVAL_REQUESTED (also when it was already) */
    public Mono<OrganisationPerson> request(String organisationId, String subject, PlatformPrincipal caller,
                                            String correlationId) {
        return access.visible(organisationId, caller)
                .flatMap(organisation -> mayRemove(organisation, caller)
                        .flatMap(allowed -> {
                            if (!allowed) {
                                return Mono.error(ProblemException.forbidden(
                                        "Only the organisation's owner or an administrator removes its people."));
                            }
                            return OrganisationAccess.standingRefusal(caller, organisation)
                                    .<Mono<OrganisationPerson>>map(refusal -> Mono.error(ProblemException.forbidden(refusal)))
                                    .orElseGet(() -> remove(organisation, subject, caller, correlationId));
                        }));
    }

    /** An administrator, or the person who is the organisation's owner in its people list. */
    private Mono<Boolean> mayRemove(Organisation organisation, PlatformPrincipal caller) {
        if (caller.has(PlatformRole.ADMIN)) {
            return Mono.just(true);
        }
        if (!caller.actsFor(organisation.id())) {
            return Mono.just(false);
        }
        return people.current(organisation.id(), caller.subject())
                .map(person -> person.isOwner() && person.status() == PersonStatus.ACTIVE)
                .defaultIfEmpty(false);
    }

    private Mono<OrganisationPerson> remove(Organisation organisation, String subject, PlatformPrincipal caller,
                                            String correlationId) {
        Mono<OrganisationPerson> person = OrganisationPeople.plausibleId(subject)
                ? people.current(organisation.id(), subject) : Mono.empty();
        return person
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("no person " + subject + " in organisation "
                        + organisation.id())))
                .flatMap(found -> {
                    if (found.isOwner()) {
                        return Mono.error(new ConflictException(subject.equals(caller.subject())
                                ? "The owner cannot remove themself from the organisation."
                                : "The organisation's owner cannot be removed."));
                    }
                    if (found.status() == PersonStatus.REMOVAL_REQUESTED) {
                        return Mono.just(found);
                    }
                    OrganisationPerson removal = found.removalRequested(clock.instant());
                    return store.update(removal, where(OrganisationPeople.REVISION).is(found.revision()),
                                    List.of(events.staffRemoved(organisation, removal, correlationId)))
                            .onErrorMap(OptimisticLockingFailureException.class, changed -> new ConflictException(
                                    "The person changed meanwhile; read the organisation's people again."));
                });
    }
}
