package jp.iinj.memberregistry.people;

import org.springframework.stereotype.Component;

import jp.iinj.httpapi.core.access.PlatformPrincipal;
import jp.iinj.httpapi.core.problems.ProblemException;
import jp.iinj.httpapi.core.problems.ResourceNotFoundException;
import jp.iinj.memberregistry.organisation.Organisation;
import jp.iinj.memberregistry.organisation.Organisations;
import reactor.core.publisher.Mono;

/** Finds the organisation whose people a caller asks about, and answers 404 or 403 as {@link PeopleVisibility} says. */
@Component
class OrganisationPeopleAccess {

    private final Organisations organisations;
    private final Departures departures;

    OrganisationPeopleAccess(Organisations organisations, Departures departures) {
        this.organisations = organisations;
        this.departures = departures;
    }

    /** The organisation, if the caller may see it at all (404 otherwise). */
    Mono<Organisation> visible(String organisationId, PlatformPrincipal caller) {
        Mono<Organisation> organisation = OrganisationPeople.plausibleId(organisationId)
                ? organisations.byId(organisationId) : Mono.empty();
        return organisation
                .filter(found -> PeopleVisibility.of(found, caller) != PeopleVisibility.NOTHING)
                .filterWhen(found -> departures.visibleTo(found, caller))
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("no organisation " + organisationId)));
    }

    /** The organisation, if the caller may see its people (404 or 403 otherwise). */
    Mono<Organisation> withVisiblePeople(String organisationId, PlatformPrincipal caller) {
        return visible(organisationId, caller).flatMap(organisation ->
                PeopleVisibility.of(organisation, caller) == PeopleVisibility.PEOPLE
                        ? Mono.just(organisation)
                        : Mono.error(ProblemException.forbidden(
                                "Coordinators see the organisation, not its people's contact data.")));
    }
}
