package jp.iinj.memberregistry.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jp.iinj.contracts.membership.OrganisationType;
import jp.iinj.memberregistry.organisation.MembershipStatus;
import jp.iinj.memberregistry.organisation.Organisation;
import jp.iinj.memberregistry.organisation.OrganisationProfile;

/**
 * One organisation in a staff list: enough to recognise and triage it, and no personal data (no owner, contact
 * persons, address or notes), whoever lists it. The details are {@code GET /api/members/organisations/{id}}, which
 * applies the personal-data rules.
 *
 * @param possibleDuplicate flagged at registration as a possible duplicate and not cleared yet
 */
public record OrganisationSummary(
        String id,
        String legalName,
        String legalNameKana,
        String englishName,
        OrganisationType organisationType,
        String corporateNumber,
        String prefectureCode,
        String bureau,
        List<String> clusterIds,
        MembershipStatus status,
        Instant registeredAt,
        LocalDate expiresOn,
        boolean possibleDuplicate) {

    public static OrganisationSummary of(Organisation organisation) {
        OrganisationProfile profile = organisation.profile();
        return new OrganisationSummary(organisation.id(), profile.legalName(), profile.legalNameKana(),
                profile.englishName(), profile.organisationType(), organisation.corporateNumber(),
                profile.prefectureCode(), profile.bureau(), profile.clusterIds(), organisation.status(),
                organisation.membership().registeredAt(), organisation.membership().expiresOn(),
                organisation.flaggedAsPossibleDuplicate());
    }
}
