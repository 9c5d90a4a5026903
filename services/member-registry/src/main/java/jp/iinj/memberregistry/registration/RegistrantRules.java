package jp.iinj.memberregistry.registration;

import java.util.List;

import jp.iinj.httpapi.core.problems.InvalidField;
import jp.iinj.memberregistry.corporatenumber.CorporateNumber;
import jp.iinj.memberregistry.organisation.OrganisationOwner;
import jp.iinj.memberregistry.profile.ProfileRules;

/**
 * The rules of who registers, outside the profile: a corporate number or a reason for having none, and the owner.
 * One place for the online registration and the CSV import; the callers name the fields as their input does
 * ({@code corporateNumber} in JSON, {@code corporate_number} in a CSV header).
 */
public final class RegistrantRules {

    private RegistrantRules() {
    }

    /**
     * A valid corporate number, or none with a reason; never both. A reason that could not be read is already among
     * {@code problems} under {@code reasonField}, so it is not reported a second time as missing.
     */
    public static void corporateNumber(String number, Object noNumberReason, String numberField, String reasonField,
                                       List<InvalidField> problems) {
        if (number != null) {
            CorporateNumber.problemWith(number).ifPresent(problem -> problems.add(new InvalidField(numberField, problem)));
            if (noNumberReason != null) {
                problems.add(new InvalidField(reasonField, "only when there is no corporate number"));
            }
        } else if (noNumberReason == null && problems.stream().noneMatch(problem -> reasonField.equals(problem.field()))) {
            problems.add(new InvalidField(numberField,
                    "give the corporate number, or " + reasonField + " when the organisation has none"));
        }
    }

    /** The owner: a person to sign in, with a name (≤ 100) and an e-mail address. */
    public static OrganisationOwner owner(String displayName, String email, String nameField, String emailField,
                                          List<InvalidField> problems) {
        return new OrganisationOwner(ProfileRules.requiredText(displayName, nameField, 100, problems),
                ProfileRules.email(email, emailField, problems));
    }
}
