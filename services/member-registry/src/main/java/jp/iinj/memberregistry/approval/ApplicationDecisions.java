package jp.iinj.memberregistry.approval;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import jp.iinj.httpapi.core.access.PlatformPrincipal;
import jp.iinj.httpapi.core.problems.ConflictException;
import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.httpapi.core.problems.InvalidField;
import jp.iinj.memberregistry.messaging.MemberEvents;
import jp.iinj.memberregistry.organisation.MembershipTerms;
import jp.iinj.memberregistry.organisation.Organisation;
import jp.iinj.memberregistry.organisation.OrganisationChanges;
import jp.iinj.memberregistry.profile.ProfileRules;
import reactor.core.publisher.Mono;

/**
 * What an approver (a regional body of the organisation's bureau, or an administrator) decides on an application:
 * approve it (applied → active), reject it with a reason (applied → rejected), or clear a duplicate flag first.
 */
@Service
public class ApplicationDecisions {

    static final String ONLY_APPROVERS =
            "Only a regional body of the organisation's bureau or an administrator decides on its application.";
    static final int MAX_NOTE = 1000;

    private final OrganisationChanges changes;
    private final MemberEvents events;
    private final MembershipTerms terms;

    public ApplicationDecisions(OrganisationChanges changes, MemberEvents events, MembershipTerms terms) {
        this.changes = changes;
        this.events = events;
        this.terms = terms;
    }

    public Mono<Organisation> approve(String organisationId, PlatformPrincipal caller, Long expectedRevision,
                                      String correlationId) {
        return changes.change(organisationId, caller, expectedRevision, new OrganisationChanges.Change(
                organisation -> organisation.approvableBy(caller), ONLY_APPROVERS,
                (organisation, now) -> {
                    if (organisation.flaggedAsPossibleDuplicate()) {
                        throw new ConflictException("organisation " + organisationId + " may duplicate "
                                + organisation.duplicateReview().candidateIds()
                                + ": clear the duplicate review, or reject it as DUPLICATE");
                    }
                    return organisation.withMembership(organisation.membership().approve(now, terms), now);
                },
                approved -> List.of(events.approved(approved, correlationId))));
    }

    public Mono<Organisation> reject(String organisationId, DecisionRequests.RejectApplication request,
                                     PlatformPrincipal caller, Long expectedRevision, String correlationId) {
        List<InvalidField> problems = new ArrayList<>();
        if (request.reason() == null) {
            problems.add(new InvalidField("reason", "must not be null"));
        }
        String note = ProfileRules.optionalText(request.note(), "note", MAX_NOTE, problems);
        if (!problems.isEmpty()) {
            return Mono.error(new FieldValidationException(problems));
        }
        return changes.change(organisationId, caller, expectedRevision, new OrganisationChanges.Change(
                organisation -> organisation.approvableBy(caller), ONLY_APPROVERS,
                (organisation, now) -> organisation.withMembership(
                        organisation.membership().reject(now, request.reason().name(), note), now),
                rejected -> List.of(events.rejected(rejected, correlationId))));
    }

    /** The approver checked the candidates: not the same organisation. No event: nothing changed for the others. */
    public Mono<Organisation> clearDuplicateReview(String organisationId, PlatformPrincipal caller,
                                                   Long expectedRevision) {
        return changes.change(organisationId, caller, expectedRevision, new OrganisationChanges.Change(
                organisation -> organisation.approvableBy(caller), ONLY_APPROVERS,
                (organisation, now) -> {
                    if (!organisation.flaggedAsPossibleDuplicate()) {
                        throw new ConflictException("organisation " + organisationId + " has no open duplicate review");
                    }
                    return organisation.withDuplicateReview(organisation.duplicateReview().cleared(now), now);
                },
                cleared -> List.of()));
    }
}
