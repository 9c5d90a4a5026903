package jp.iinj.memberregistry.people;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;

import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.httpapi.core.access.PlatformPrincipal;
import jp.iinj.memberregistry.organisation.Organisation;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * A person the owner has removed (removal requested, or left) no longer sees the organisation as one of its people,
 * at once, whatever their access token still says: it names the organisation until it expires (up to 15 minutes),
 * and the portal keeps calling with it. Only a known departure refuses; a person the registry has not heard of yet
 * (identity's event on its way) is taken at their token's word, as before.
 */
@Component
public class Departures {

    private final ReactiveMongoTemplate mongo;

    public Departures(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Whether the caller may see the organisation: as {@link Organisation#visibleTo}, less a departed person. */
    public Mono<Boolean> visibleTo(Organisation organisation, PlatformPrincipal caller) {
        if (!organisation.visibleTo(caller)) {
            return Mono.just(false);
        }
        boolean asStaffOnly = caller.actsFor(organisation.id()) && !caller.covers(organisation.bureau())
                && !caller.has(PlatformRole.ADMIN);
        return asStaffOnly ? departed(organisation.id(), caller.subject()).map(gone -> !gone) : Mono.just(true);
    }

    private Mono<Boolean> departed(String memberId, String subject) {
        if (!OrganisationPeople.plausibleId(subject)) {
            return Mono.just(false);
        }
        return mongo.exists(Query.query(where(OrganisationPeople.MEMBER_ID).is(memberId).and(OrganisationPeople.SUBJECT).is(subject)
                .and(OrganisationPeople.STATUS).in(List.of(PersonStatus.REMOVAL_REQUESTED.name(), PersonStatus.LEFT.name()))),
                OrganisationPerson.class);
    }
}
