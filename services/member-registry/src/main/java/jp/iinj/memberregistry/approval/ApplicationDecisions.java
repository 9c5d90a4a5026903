package jp.iinj.memberregistry.approval;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.httpapi.core.problems.InvalidField;
import jp.iinj.memberregistry.access.CallerRequest;
import jp.iinj.memberregistry.commands.OrganisationAccess;
import jp.iinj.memberregistry.commands.OrganisationAccess.Who;
import jp.iinj.memberregistry.commands.OrganisationChanges;
import jp.iinj.memberregistry.organisation.MembershipTerms;
import jp.iinj.memberregistry.organisation.Organisation;
import jp.iinj.memberregistry.profile.ProfileRules;
import reactor.core.publisher.Mono;

/**
 * What an approver (a regional body of the organisation's bureau, or an administrator) decides on an application:
 * approve it (applied → active), reject it with a reason (applied → rejected), or clear a duplicate flag first.
 */
@Service
public class ApplicationDecisions {

    static final OrganisationAccess APPROVERS = new OrganisationAccess(Who.APPROVERS,
            "Only a regional body of the organisation's bureau or an administrator decides on its application.");
    static final int MAX_NOTE = 1000;

    private final OrganisationChanges changes;
    private final MembershipTerms terms;

    public ApplicationDecisions(OrganisationChanges changes, MembershipTerms terms) {
        this.changes = changes;
        this.terms = terms;
    }

    public Mono<Organisation> approve(String organisationId, CallerRequest caller, Long expectedRevision) {
        return changes.onBehalfOf(caller, organisationId, expectedRevision, new ApproveApplication(terms));
    }

    public Mono<Organisation> reject(String organisationId, DecisionRequests.RejectApplication request,
                                     CallerRequest caller, Long expectedRevision) {
        List<InvalidField> problems = new ArrayList<>();
        if (request.reason() == null) {
            problems.add(new InvalidField("reason", "must not be null"));
        }
        String note = ProfileRules.optionalText(request.note(), "note", MAX_NOTE, problems);
        if (!problems.isEmpty()) {
            return Mono.error(new FieldValidationException(problems));
        }
        return changes.onBehalfOf(caller, organisationId, expectedRevision,
                new RejectApplication(request.reason(), note));
    }

    public Mono<Organisation> clearDuplicateReview(String organisationId, CallerRequest caller,
                                                   Long expectedRevision) {
        return changes.onBehalfOf(caller, organisationId, expectedRevision, new ClearDuplicateReview());
    }
}
