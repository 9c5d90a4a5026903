package jp.iinj.memberregistry.profile;

import java.util.List;

import jp.iinj.contracts.membership.CapitalBand;
import jp.iinj.contracts.membership.EmployeeBand;
import jp.iinj.contracts.membership.OrganisationType;
import jp.iinj.contracts.membership.TargetTypology;

/**
 * The whole editable profile (a replacement, not a patch: what is absent is cleared). The corporate number, the
 * owner and the membership are not part of it.
 */
public record UpdateProfileRequest(
        String legalName,
        String legalNameKana,
        String englishName,
        OrganisationType organisationType,
        String prefectureCode,
        String address,
        String website,
        EmployeeBand employeeBand,
        CapitalBand capitalBand,
        List<JsicCodeInput> jsicCodes,
        List<String> technologyFields,
        List<String> keywords,
        List<String> clusterIds,
        TargetTypology typology,
        List<ContactInput> contacts) implements ProfileInput {
}
