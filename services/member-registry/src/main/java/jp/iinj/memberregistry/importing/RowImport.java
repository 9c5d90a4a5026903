package jp.iinj.memberregistry.importing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import jp.iinj.eventing.outbox.AggregateStore;
import jp.iinj.eventing.outbox.OutboxEntry;
import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.httpapi.core.problems.InvalidField;
import jp.iinj.httpapi.core.validation.InputValidation;
import jp.iinj.memberregistry.messaging.MemberEvents;
import jp.iinj.memberregistry.organisation.Membership;
import jp.iinj.memberregistry.organisation.MembershipTerms;
import jp.iinj.memberregistry.organisation.Organisation;
import jp.iinj.memberregistry.organisation.OrganisationNames;
import jp.iinj.memberregistry.organisation.OrganisationOwner;
import jp.iinj.memberregistry.organisation.OrganisationProfile;
import jp.iinj.memberregistry.organisation.Organisations;
import jp.iinj.memberregistry.profile.ProfileRules;
import jp.iinj.memberregistry.registration.RegistrantRules;
import reactor.core.publisher.Mono;

/**
 * Imports one row: the same rules as an online registration (profile rules, corporate number), then, unless the
 * organisation is registered already, stores it as an ACTIVE member with its member-registered, member-approved and
 * (with an owner) owner-designated events in one write. Never fails: whatever is wrong with the row is its outcome.
 */
@Component
class RowImport {

    /** An imported membership may run at most this far ahead: a typo in the year would otherwise never lapse. */
    static final int MAX_YEARS_AHEAD = 5;

    private final Organisations organisations;
    private final AggregateStore store;
    private final InputValidation validation;
    private final ProfileRules rules;
    private final MemberEvents events;
    private final MembershipTerms terms;
    private final Clock clock;

    RowImport(Organisations organisations, AggregateStore store, InputValidation validation, ProfileRules rules,
              MemberEvents events, MembershipTerms terms, Clock clock) {
        this.validation = validation;
        this.organisations = organisations;
        this.store = store;
        this.rules = rules;
        this.events = events;
        this.terms = terms;
        this.clock = clock;
    }

    Mono<RowOutcome> importRow(ImportRow row, ImportScope scope, String correlationId) {
        if (!row.readable()) {
            return Mono.just(rejected(row, row.problems()));
        }
        List<InvalidField> problems = new ArrayList<>(row.problems());
        for (InvalidField problem : validation.problems(row)) {
            String column = ImportRow.columnOf(problem.field());
            if (!reportedAlready(problems, column)) {
                problems.add(new InvalidField(column, problem.message()));
            }
        }
        RegistrantRules.corporateNumberOrReason(row.corporateNumber(), row.noCorporateNumberReason(),
                ImportColumn.CORPORATE_NUMBER.header(), ImportColumn.NO_CORPORATE_NUMBER_REASON.header(), problems);
        LocalDate today = clock.instant().atZone(terms.zone()).toLocalDate();
        expiryProblems(row.expiresOn(), today, problems);
        return rules.check(row.profile(), List.of())
                .flatMap(profile -> {
                    if (!problems.isEmpty()) {
                        return Mono.just(rejected(row, problems));
                    }
                    if (!scope.covers(profile.bureau())) {
                        return Mono.just(rejected(row, List.of(new InvalidField(ImportColumn.PREFECTURE_CODE.header(),
                                "is in bureau " + profile.bureau() + ", which you do not cover"))));
                    }
                    return registered(row.corporateNumber(), profile)
                            .flatMap(found -> found
                                    ? Mono.just(RowOutcome.alreadyRegistered(row.number()))
                                    : store(row, profile, today, correlationId));
                })
                .onErrorResume(FieldValidationException.class, invalid -> {
                    List<InvalidField> all = new ArrayList<>(problems);
                    for (InvalidField error : invalid.errors()) {
                        String column = ImportRow.columnOf(error.field());
                        if (!reportedAlready(problems, column)) {
                            all.add(new InvalidField(column, error.message()));
                        }
                    }
                    return Mono.just(rejected(row, all));
                });
    }

    /** Registered already, in any status: by corporate number, or without one by name within the prefecture. */
    private Mono<Boolean> registered(String corporateNumber, OrganisationProfile profile) {
        if (corporateNumber != null) {
            return organisations.byCorporateNumber(corporateNumber).hasElement();
        }
        return organisations.withSameNameAndPrefecture(OrganisationNames.normalised(profile.legalName()),
                profile.prefectureCode(), 1).hasElements();
    }

    private Mono<RowOutcome> store(ImportRow row, OrganisationProfile profile, LocalDate today,
                                   String correlationId) {
        Instant now = clock.instant();
        OrganisationOwner owner = row.owner() == null ? null : row.owner().owner();
        LocalDate expiresOn = row.expiresOn() != null ? row.expiresOn() : today.plus(terms.term());
        Organisation organisation = Organisation.registered(UUID.randomUUID().toString(), profile,
                row.corporateNumber(), row.corporateNumber() == null ? row.noCorporateNumberReason() : null, owner,
                Membership.imported(now, expiresOn), null, null, now);
        List<OutboxEntry> published = new ArrayList<>();
        published.add(events.registered(organisation, correlationId));
        published.add(events.approved(organisation, correlationId));
        if (owner != null) {
            published.add(events.ownerDesignated(organisation, correlationId));
        }
        return store.insert(organisation, published)
                .thenReturn(RowOutcome.imported(row.number()))
                // another row, import or registration stored the same corporate number first
                .onErrorResume(DuplicateKeyException.class,
                        duplicate -> Mono.just(RowOutcome.alreadyRegistered(row.number())));
    }

    /** A value that could not be read is missing to the rules too: say it once. */
    private static boolean reportedAlready(List<InvalidField> problems, String column) {
        return column != null && problems.stream().anyMatch(problem -> column.equals(problem.field()));
    }

    private static void expiryProblems(LocalDate expiresOn, LocalDate today, List<InvalidField> problems) {
        if (expiresOn == null) {
            return;
        }
        if (expiresOn.isBefore(today)) {
            problems.add(new InvalidField(ImportColumn.EXPIRES_ON.header(), "must not be in the past"));
        } else if (expiresOn.isAfter(today.plusYears(MAX_YEARS_AHEAD))) {
            problems.add(new InvalidField(ImportColumn.EXPIRES_ON.header(),
                    "must be at most " + MAX_YEARS_AHEAD + " years ahead"));
        }
    }

    private static RowOutcome rejected(ImportRow row, List<InvalidField> problems) {
        return RowOutcome.rejected(row.number(), problems.stream()
                .map(problem -> new RowError(row.number(), problem.field(), problem.message())).toList());
    }
}
