package jp.iinj.memberregistry.registration;

import java.time.Instant;

import jp.iinj.contracts.membership.OrganisationType;
import jp.iinj.memberregistry.organisation.MembershipStatus;
import jp.iinj.memberregistry.organisation.Organisation;

/** An organisation as the API shows it. */
public record OrganisationResponse(
        String id,
        String legalName,
        OrganisationType organisationType,
        String corporateNumber,
        String prefectureCode,
        String bureau,
        OwnerResponse owner,
        MembershipStatus status,
        Instant registeredAt,
        Instant approvedAt) {

    /** Personal data: only callers who may see the organisation ever get this response. */
    public record OwnerResponse(String displayName, String email) {
    }

    public static OrganisationResponse of(Organisation organisation) {
        return new OrganisationResponse(organisation.id(), organisation.legalName(), organisation.organisationType(),
                organisation.corporateNumber(), organisation.prefectureCode(), organisation.bureau(),
                new OwnerResponse(organisation.owner().displayName(), organisation.owner().email()),
                organisation.status(), organisation.registeredAt(), organisation.approvedAt());
    }
}
