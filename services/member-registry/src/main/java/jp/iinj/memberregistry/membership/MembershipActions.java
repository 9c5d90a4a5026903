package jp.iinj.memberregistry.membership;


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
 * The life of an active membership. Approvers (a regional body of the bureau, administrators) suspend and reinstate;
 * the organisation's own people (and administrators) withdraw; either renews.
 */
@Service
public class MembershipActions {

    static final OrganisationAccess APPROVERS = new OrganisationAccess(Who.APPROVERS,
            "Only a regional body of the organisation's bureau or an administrator suspends or reinstates it.");
    static final OrganisationAccess OWN_PEOPLE = new OrganisationAccess(Who.OWN_PEOPLE,
            "Only the organisation's own people or an administrator withdraw it.");
    static final OrganisationAccess OWN_PEOPLE_OR_APPROVERS = new OrganisationAccess(Who.OWN_PEOPLE_OR_APPROVERS,
            "Only the organisation's own people, a regional body of its bureau or an administrator renew it.");

    private final OrganisationChanges changes;
    private final MembershipTerms terms;

    public MembershipActions(OrganisationChanges changes, MembershipTerms terms) {
        this.changes = changes;
        this.terms = terms;
    }

    public Mono<Organisation> suspend(String id, MembershipRequests.Suspend request, CallerRequest caller,
                                      Long expectedRevision) {
        return changes.onBehalfOf(caller, id, expectedRevision,
                new SuspendMembership(request.reason(), FreeTextValidator.stored(request.note())));
    }

    public Mono<Organisation> reinstate(String id, CallerRequest caller, Long expectedRevision) {
        return changes.onBehalfOf(caller, id, expectedRevision, new ReinstateMembership());
    }

    public Mono<Organisation> withdraw(String id, MembershipRequests.Withdraw request, CallerRequest caller,
                                       Long expectedRevision) {
        return changes.onBehalfOf(caller, id, expectedRevision,
                new WithdrawMembership(request.reason(), FreeTextValidator.stored(request.note())));
    }

    public Mono<Organisation> renew(String id, CallerRequest caller, Long expectedRevision) {
        return changes.onBehalfOf(caller, id, expectedRevision, new RenewMembership(terms));
    }
}
