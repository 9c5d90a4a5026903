package jp.iinj.contracts.membership;

import java.time.Instant;
import java.util.List;

/**
 * An organisation applied for membership. Public: carries no personal data (no contact persons, no address).
 *
 * @param corporateNumber 13-digit National Tax Agency number (public information); {@code null} for organisations
 *                        that have none
 * @param bureau          METI regional bureau id derived from the prefecture
 */
public record MemberRegisteredV1(
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
        Instant registeredAt) {

    /** Only the required fields: the optional profile fields are absent (null). */
    public MemberRegisteredV1(String memberId, String legalName, OrganisationType organisationType,
                              String corporateNumber, String prefectureCode, String bureau, Instant registeredAt) {
        this(memberId, legalName, organisationType, corporateNumber, prefectureCode, bureau, null, null, null, null,
                null, null, null, null, null, null, registeredAt);
    }
}
