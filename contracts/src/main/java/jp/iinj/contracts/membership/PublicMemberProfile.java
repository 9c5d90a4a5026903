package jp.iinj.contracts.membership;

import java.util.List;

/**
 * What anyone may know of a member organisation's profile: the one declaration that the member events and the
 * registry's API share. It carries no personal data (no address, no contact persons). Events and responses embed it
 * flat ({@code @JsonUnwrapped}), so their JSON has these fields at the top level, as their schemas say.
 *
 * @param bureau METI regional bureau id, derived from the prefecture
 */
public record PublicMemberProfile(
        String legalName,
        String legalNameKana,
        String englishName,
        OrganisationType organisationType,
        String prefectureCode,
        String bureau,
        String website,
        EmployeeBand employeeBand,
        CapitalBand capitalBand,
        List<JsicCode> jsicCodes,
        List<String> technologyFields,
        List<String> keywords,
        List<String> clusterIds,
        TargetTypology typology) {

    /** Only the required fields: the optional ones are absent (null). */
    public static PublicMemberProfile required(String legalName, OrganisationType organisationType,
                                               String prefectureCode, String bureau) {
        return new PublicMemberProfile(legalName, null, null, organisationType, prefectureCode, bureau, null, null,
                null, null, null, null, null, null);
    }
}
