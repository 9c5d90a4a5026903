package jp.iinj.memberregistry.registration;

import java.util.List;

import jp.iinj.contracts.membership.CapitalBand;
import jp.iinj.contracts.membership.EmployeeBand;
import jp.iinj.contracts.membership.OrganisationType;
import jp.iinj.contracts.membership.TargetTypology;
import jp.iinj.memberregistry.organisation.NoCorporateNumberReason;
import jp.iinj.memberregistry.profile.ProfileInput;

/**
 * What an organisation sends to register. Only these fields bind (anything else in the body is rejected); the
 * profile rules are {@link jp.iinj.memberregistry.profile.ProfileRules}.
 *
 * @param corporateNumber         13 digits with a valid check digit; or absent, with
 * @param noCorporateNumberReason why the organisation has none
 * @param prefectureCode          JIS X 0401 code, two digits ("13" for Tokyo)
 * @param owner                   the person registering: their account is opened, and activated once the
 *                                organisation is approved
 */
public record RegisterOrganisationRequest(
        String legalName,
        String legalNameKana,
        String englishName,
        OrganisationType organisationType,
        String corporateNumber,
        NoCorporateNumberReason noCorporateNumberReason,
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
        List<ContactInput> contacts,
        Owner owner) implements ProfileInput {

    public record Owner(String displayName, String email) {
    }
}
