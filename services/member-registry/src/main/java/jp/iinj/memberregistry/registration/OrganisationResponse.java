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
        MembershipStatus status,
        Instant registeredAt) {

    static OrganisationResponse of(Organisation organisation) {
        return new OrganisationResponse(organisation.id(), organisation.legalName(), organisation.organisationType(),
                organisation.corporateNumber(), organisation.prefectureCode(), organisation.bureau(),
                organisation.status(), organisation.registeredAt());
    }
}
