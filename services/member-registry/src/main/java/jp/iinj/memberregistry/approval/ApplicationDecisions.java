package jp.iinj.memberregistry.approval;


import org.springframework.stereotype.Service;

import jp.iinj.httpapi.core.validation.FreeTextValidator;
import jp.iinj.httpapi.security.CallerRequest;
import jp.iinj.memberregistry.commands.OrganisationAccess;
import jp.iinj.memberregistry.commands.OrganisationAccess.Who;
import jp.iinj.memberregistry.commands.OrganisationChanges;
import jp.iinj.memberregistry.organisation.MembershipTerms;
import jp.iinj.memberregistry.organisation.Organisation;
import reactor.core.publisher.Mono;

/**
 * What an approver (a regional body of the organisation's bureau, or an administrator) decides on an application:
 * approve it (applied → active), reject it with a reason (applied → rejected), or clear a duplicate flag first.
 */
@Service
public class ApplicationDecisions {

    static final OrganisationAccess APPROVERS = new OrganisationAccess(Who.APPROVERS,
            "Only a regional body of the organisation's bureau or an administrator decides on its application.");

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
        return changes.onBehalfOf(caller, organisationId, expectedRevision,
                new RejectApplication(request.reason(), FreeTextValidator.stored(request.note())));
    }

    public Mono<Organisation> clearDuplicateReview(String organisationId, CallerRequest caller,
                                                   Long expectedRevision) {
        return changes.onBehalfOf(caller, organisationId, expectedRevision, new ClearDuplicateReview());
    }
}
