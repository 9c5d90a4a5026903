package jp.iinj.memberregistry.profile;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import jp.iinj.contracts.membership.CapitalBand;
import jp.iinj.contracts.membership.EmployeeBand;
import jp.iinj.contracts.membership.OrganisationType;
import jp.iinj.contracts.membership.TargetTypology;
import jp.iinj.httpapi.core.validation.EmailAddress;
import jp.iinj.httpapi.core.validation.FreeText;
import jp.iinj.httpapi.core.validation.FreeTextList;
import jp.iinj.memberregistry.profile.ProfileConstraints.ClusterIds;
import jp.iinj.memberregistry.profile.ProfileConstraints.JisPrefecture;
import jp.iinj.memberregistry.profile.ProfileConstraints.JsicCodes;
import jp.iinj.memberregistry.profile.ProfileConstraints.Katakana;
import jp.iinj.memberregistry.profile.ProfileConstraints.PhoneNumber;
import jp.iinj.httpapi.core.validation.TechnologyFields;
import jp.iinj.memberregistry.profile.ProfileConstraints.WebAddress;

/**
 * The editable profile as a client sends it (the body of a profile update, the profile fields of a registration,
 * which embeds it flat) or as a CSV row carries it, with every rule it must satisfy. The one declaration of the
 * profile's input: {@link ProfileRules} checks it the same way whichever way it came, then turns it into the stored
 * {@link jp.iinj.memberregistry.organisation.OrganisationProfile}. A replacement, not a patch: what is absent is
 * cleared. Nothing here is stored as sent.
 *
 * @param prefectureCode JIS X 0401 code, two digits ("13" for Tokyo)
 */
public record ProfileInput(
        @FreeText(max = ProfileInput.MAX_NAME, required = true) String legalName,
        @FreeText(max = ProfileInput.MAX_NAME) @Katakana String legalNameKana,
        @FreeText(max = ProfileInput.MAX_NAME) String englishName,
        @NotNull(message = "must not be null") OrganisationType organisationType,
        @JisPrefecture String prefectureCode,
        @FreeText(max = 300) String address,
        @FreeText(max = 500) @WebAddress String website,
        EmployeeBand employeeBand,
        CapitalBand capitalBand,
        @JsicCodes(max = 20) List<JsicCodeInput> jsicCodes,
        @TechnologyFields(max = 20) List<String> technologyFields,
        @FreeTextList(maxEntries = 30, maxLength = 60) List<String> keywords,
        @ClusterIds(max = 20) List<String> clusterIds,
        TargetTypology typology,
        @Size(max = 10, message = "at most 10 contact persons")
        List<@NotNull(message = "must not be null") @Valid ContactInput> contacts) {

    static final int MAX_NAME = 200;

    /** A JSIC code as sent: {@code {"revision": "14", "code": "2611"}}. */
    public record JsicCodeInput(String revision, String code) {
    }

    /** A contact person as sent. */
    public record ContactInput(
            @FreeText(max = 100, required = true) String name,
            @FreeText(max = 100) String department,
            @EmailAddress String email,
            @FreeText(max = 20) @PhoneNumber String phone) {
    }
}
