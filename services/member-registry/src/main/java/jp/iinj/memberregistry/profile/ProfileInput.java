package jp.iinj.memberregistry.profile;

import java.util.List;

import jp.iinj.contracts.membership.CapitalBand;
import jp.iinj.contracts.membership.EmployeeBand;
import jp.iinj.contracts.membership.OrganisationType;
import jp.iinj.contracts.membership.TargetTypology;

/**
 * The profile fields a request carries (registration, profile update, a CSV row), before {@link ProfileRules} checked
 * them. Only records implement it; nothing here is stored as sent.
 */
public interface ProfileInput {

    String legalName();

    String legalNameKana();

    String englishName();

    OrganisationType organisationType();

    String prefectureCode();

    String address();

    String website();

    EmployeeBand employeeBand();

    CapitalBand capitalBand();

    List<JsicCodeInput> jsicCodes();

    List<String> technologyFields();

    List<String> keywords();

    List<String> clusterIds();

    TargetTypology typology();

    List<ContactInput> contacts();

    /** A JSIC code as sent: {@code {"revision": "14", "code": "2611"}}. */
    record JsicCodeInput(String revision, String code) {
    }

    /** A contact person as sent. */
    record ContactInput(String name, String department, String email, String phone) {
    }
}
