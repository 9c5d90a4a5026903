package jp.iinj.memberregistry.organisation;

import java.util.List;

import jp.iinj.contracts.membership.CapitalBand;
import jp.iinj.contracts.membership.EmployeeBand;
import jp.iinj.contracts.membership.JsicCode;
import jp.iinj.contracts.membership.OrganisationType;
import jp.iinj.contracts.membership.PublicMemberProfile;
import jp.iinj.contracts.membership.TargetTypology;

/**
 * What an organisation says about itself, as stored after {@code profile.ProfileRules} checked it. Public apart from
 * {@code address} and {@code contacts} (personal data for sole proprietors and for people): the rest is
 * {@link #publicProfile()}, which events and responses show.
 *
 * @param bureau derived from {@code prefectureCode} (reference data), never sent by a client
 */
public record OrganisationProfile(
        String legalName,
        String legalNameKana,
        String englishName,
        OrganisationType organisationType,
        String prefectureCode,
        String bureau,
        String address,
        String website,
        EmployeeBand employeeBand,
        CapitalBand capitalBand,
        List<JsicCode> jsicCodes,
        List<String> technologyFields,
        List<String> keywords,
        List<String> clusterIds,
        TargetTypology typology,
        List<ContactPerson> contacts) {

    public OrganisationProfile {
        jsicCodes = jsicCodes == null ? List.of() : List.copyOf(jsicCodes);
        technologyFields = technologyFields == null ? List.of() : List.copyOf(technologyFields);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        clusterIds = clusterIds == null ? List.of() : List.copyOf(clusterIds);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    /** Everything but the personal data; each field copied by its own name (a test holds it to that). */
    public PublicMemberProfile publicProfile() {
        return new PublicMemberProfile(legalName, legalNameKana, englishName, organisationType, prefectureCode, bureau,
                website, employeeBand, capitalBand, jsicCodes, technologyFields, keywords, clusterIds, typology);
    }
}
