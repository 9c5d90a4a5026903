package jp.iinj.memberregistry.approval;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import jp.iinj.httpapi.core.access.PlatformPrincipal;
import jp.iinj.httpapi.core.problems.ConflictException;
import jp.iinj.httpapi.core.problems.ResourceNotFoundException;
import jp.iinj.eventing.outbox.AggregateStore;
import jp.iinj.memberregistry.messaging.MemberEvents;
import jp.iinj.memberregistry.organisation.MembershipStatus;
import jp.iinj.memberregistry.organisation.Organisation;
import jp.iinj.memberregistry.organisation.Organisations;
import reactor.core.publisher.Mono;

/** applied → active, by a regional body of the organisation's bureau or an administrator. */
@Service
public class OrganisationApproval {

    private final Organisations organisations;
    private final AggregateStore store;
    private final MemberEvents events;
    private final Clock clock;

    public OrganisationApproval(Organisations organisations, AggregateStore store, MemberEvents events, Clock clock) {
        this.organisations = organisations;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    public Mono<Organisation> approve(String organisationId, PlatformPrincipal caller, String correlationId) {
        return organisations.byId(organisationId)
                // who may not even see it is told it does not exist
                .filter(organisation -> organisation.visibleTo(caller))
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("no organisation " + organisationId)))
                .flatMap(organisation -> {
                    if (!organisation.approvableBy(caller)) {
                        return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN,
                                "Only a regional body of the organisation's bureau or an administrator approves it."));
                    }
                    if (organisation.status() != MembershipStatus.APPLIED) {
                        return Mono.error(new ConflictException("organisation " + organisationId + " is "
                                + organisation.status() + ", not APPLIED"));
                    }
                    Organisation approved = organisation.approved(clock.instant().truncatedTo(ChronoUnit.MILLIS));
                    return store.update(approved, where("revision").is(organisation.revision()),
                                    List.of(events.approved(approved, correlationId)))
                            .onErrorMap(OptimisticLockingFailureException.class, changed -> new ConflictException(
                                    "organisation " + organisationId + " changed meanwhile; read it again"));
                });
    }
}
