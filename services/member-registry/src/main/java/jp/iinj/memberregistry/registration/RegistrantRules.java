package jp.iinj.memberregistry.registration;

import java.util.List;

import jp.iinj.httpapi.core.problems.InvalidField;

/**
 * The one registrant rule that spans two fields and names them as the input does ({@code corporateNumber} in JSON,
 * {@code corporate_number} in a CSV header), so it is not an annotation: a corporate number or a reason for having
 * none, never both. The number's check digit is {@link jp.iinj.memberregistry.corporatenumber.ValidCorporateNumber}.
 */
public final class RegistrantRules {

    private RegistrantRules() {
    }

    /**
     * A reason that could not be read is already among {@code problems} under {@code reasonField}, so it is not
     * reported a second time as missing.
     */
    public static void corporateNumberOrReason(String number, Object noNumberReason, String numberField,
                                               String reasonField, List<InvalidField> problems) {
        if (number != null) {
            if (noNumberReason != null) {
                problems.add(new InvalidField(reasonField, "only when there is no corporate number"));
            }
        } else if (noNumberReason == null && problems.stream().noneMatch(problem -> reasonField.equals(problem.field()))) {
            problems.add(new InvalidField(numberField,
                    "give the corporate number, or " + reasonField + " when the organisation has none"));
        }
    }
}
