package jp.iinj.memberregistry.registration;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import jp.iinj.httpapi.core.problems.ConflictException;
import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.httpapi.core.problems.InvalidField;
import jp.iinj.contracts.regions.Prefecture;
import jp.iinj.contracts.regions.PrefectureDirectory;
import jp.iinj.eventing.outbox.AggregateStore;
import jp.iinj.memberregistry.corporatenumber.CorporateNumber;
import jp.iinj.memberregistry.messaging.MemberEvents;
import jp.iinj.memberregistry.organisation.Organisation;
import jp.iinj.memberregistry.organisation.OrganisationOwner;
import reactor.core.publisher.Mono;

/**
 * Registers an organisation: checks what Bean Validation cannot (check digit, known prefecture), then stores the
 * organisation and its {@code member-registered} event in one write.
 */
@Service
public class OrganisationRegistration {

    private final AggregateStore store;
    private final MemberEvents events;
    private final PrefectureDirectory prefectures = PrefectureDirectory.current();
    private final Clock clock;

    public OrganisationRegistration(AggregateStore store, MemberEvents events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    public Mono<Organisation> register(RegisterOrganisationRequest request, String correlationId) {
        List<InvalidField> problems = new ArrayList<>();
        CorporateNumber.problemWith(request.corporateNumber())
                .ifPresent(problem -> problems.add(new InvalidField("corporateNumber", problem)));
        Optional<Prefecture> prefecture = prefectures.byJisCode(request.prefectureCode());
        if (prefecture.isEmpty()) {
            problems.add(new InvalidField("prefectureCode", "unknown JIS X 0401 prefecture code"));
        }
        if (!problems.isEmpty()) {
            return Mono.error(new FieldValidationException(problems));
        }
        var owner = new OrganisationOwner(request.owner().displayName().strip(), request.owner().email().strip());
        Organisation organisation = Organisation.applied(UUID.randomUUID().toString(), request.legalName().strip(),
                request.organisationType(), new CorporateNumber(request.corporateNumber()), prefecture.get(), owner,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        return store.insert(organisation, List.of(events.registered(organisation, correlationId),
                        events.ownerDesignated(organisation, correlationId)))
                .onErrorMap(DuplicateKeyException.class, duplicate -> new ConflictException(
                        "an organisation with corporate number " + request.corporateNumber() + " is already registered"));
    }
}
