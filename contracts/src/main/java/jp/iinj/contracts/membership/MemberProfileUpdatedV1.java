package jp.iinj.contracts.membership;

import java.time.Instant;
import java.util.List;

/** A member changed its profile: the whole public profile after the change. Public: no personal data. */
public record MemberProfileUpdatedV1(
        String memberId,
        String legalName,
        OrganisationType organisationType,
        String corporateNumber,
        String prefectureCode,
        String bureau,
        String legalNameKana,
        String englishName,
        String website,
        EmployeeBand employeeBand,
        CapitalBand capitalBand,
        List<JsicCode> jsicCodes,
        List<String> technologyFields,
        List<String> keywords,
        List<String> clusterIds,
        TargetTypology typology,
        Instant updatedAt) {
}
