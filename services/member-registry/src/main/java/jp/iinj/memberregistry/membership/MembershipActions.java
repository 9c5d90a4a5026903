package jp.iinj.memberregistry.membership;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import jp.iinj.httpapi.core.access.PlatformPrincipal;
import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.httpapi.core.problems.InvalidField;
import jp.iinj.memberregistry.messaging.MemberEvents;
import jp.iinj.memberregistry.organisation.MembershipTerms;
import jp.iinj.memberregistry.organisation.Organisation;
import jp.iinj.memberregistry.organisation.OrganisationChanges;
import jp.iinj.memberregistry.profile.ProfileRules;
import reactor.core.publisher.Mono;

/**
 * The life of an active membership. Approvers (a regional body of the bureau, administrators) suspend and reinstate;
 * the organisation's own people (and administrators) withdraw; either renews.
 */
@Service
public class MembershipActions {

    static final int MAX_NOTE = 1000;
    private static final String ONLY_APPROVERS =
            "Only a regional body of the organisation's bureau or an administrator suspends or reinstates it.";
    private static final String ONLY_MEMBER =
            "Only the organisation's own people or an administrator withdraw it.";
    private static final String ONLY_MEMBER_OR_APPROVERS =
            "Only the organisation's own people, a regional body of its bureau or an administrator renew it.";

    private final OrganisationChanges changes;
    private final MemberEvents events;
    private final MembershipTerms terms;

    public MembershipActions(OrganisationChanges changes, MemberEvents events, MembershipTerms terms) {
        this.changes = changes;
        this.events = events;
        this.terms = terms;
    }

    public Mono<Organisation> suspend(String id, MembershipRequests.Suspend request, PlatformPrincipal caller,
                                      Long expectedRevision, String correlationId) {
        return note(request.reason() == null, request.note()).flatMap(note -> changes.change(id, caller,
                expectedRevision, new OrganisationChanges.Change(organisation -> organisation.approvableBy(caller),
                        ONLY_APPROVERS, (organisation, now) -> organisation.withMembership(
                        organisation.membership().suspend(now, request.reason().name(), note.orElse(null)), now),
                        suspended -> List.of(events.suspended(suspended, correlationId)))));
    }

    public Mono<Organisation> reinstate(String id, PlatformPrincipal caller, Long expectedRevision,
                                        String correlationId) {
        return changes.change(id, caller, expectedRevision, new OrganisationChanges.Change(
                organisation -> organisation.approvableBy(caller), ONLY_APPROVERS,
                (organisation, now) -> organisation.withMembership(organisation.membership().reinstate(now), now),
                reinstated -> List.of(events.reinstated(reinstated, correlationId))));
    }

    public Mono<Organisation> withdraw(String id, MembershipRequests.Withdraw request, PlatformPrincipal caller,
                                       Long expectedRevision, String correlationId) {
        return note(request.reason() == null, request.note()).flatMap(note -> changes.change(id, caller,
                expectedRevision, new OrganisationChanges.Change(organisation -> organisation.managedBy(caller),
                        ONLY_MEMBER, (organisation, now) -> organisation.withMembership(
                        organisation.membership().withdraw(now, request.reason().name(), note.orElse(null)), now),
                        withdrawn -> List.of(events.withdrawn(withdrawn, correlationId)))));
    }

    public Mono<Organisation> renew(String id, PlatformPrincipal caller, Long expectedRevision, String correlationId) {
        return changes.change(id, caller, expectedRevision, new OrganisationChanges.Change(
                organisation -> organisation.managedBy(caller) || organisation.approvableBy(caller),
                ONLY_MEMBER_OR_APPROVERS,
                (organisation, now) -> organisation.withMembership(organisation.membership().renew(now, terms), now),
                renewed -> List.of(events.renewed(renewed, correlationId))));
    }

    /** The checked note, or 400 when the reason is missing. */
    private static Mono<Optional<String>> note(boolean reasonMissing, String note) {
        List<InvalidField> problems = new ArrayList<>();
        if (reasonMissing) {
            problems.add(new InvalidField("reason", "must not be null"));
        }
        String checked = ProfileRules.optionalText(note, "note", MAX_NOTE, problems);
        return problems.isEmpty() ? Mono.just(Optional.ofNullable(checked))
                : Mono.error(new FieldValidationException(problems));
    }
}
