package jp.iinj.portal.registration;

import java.util.regex.Pattern;

/**
 * The corporate number's check digit, as member-registry checks it (its {@code CorporateNumber}): the first of the
 * 13 digits is {@code 9 - (Σ P_n × Q_n mod 9)} over the other twelve, P_n the n-th digit from the right, Q_n 1 for
 * odd n and 2 for even n. The form tells the registrant while they type; the registry decides.
 */
final class CorporateNumberCheck {

    enum Verdict { EMPTY, INCOMPLETE, WRONG_CHECK_DIGIT, VALID }

    private static final Pattern SHAPE = Pattern.compile("^[1-9][0-9]{12}$");

    private CorporateNumberCheck() {
    }

    static Verdict of(String typed) {
        String digits = typed == null ? "" : normalise(typed);
        if (digits.isEmpty()) {
            return Verdict.EMPTY;
        }
        if (!SHAPE.matcher(digits).matches()) {
            return Verdict.INCOMPLETE;
        }
        return digits.charAt(0) - '0' == checkDigit(digits.substring(1)) ? Verdict.VALID : Verdict.WRONG_CHECK_DIGIT;
    }

    /** Full-width digits, spaces and hyphens as people type them, down to the 13 ASCII digits the API takes. */
    static String normalise(String typed) {
        StringBuilder digits = new StringBuilder();
        typed.codePoints().forEach(c -> {
            if (c >= '０' && c <= '９') {
                digits.append((char) ('0' + (c - '０')));
            } else if (c != ' ' && c != '-' && c != '　' && c != 'ー') {
                digits.appendCodePoint(c);
            }
        });
        return digits.toString();
    }

    static int checkDigit(String base) {
        int sum = 0;
        for (int n = 1; n <= 12; n++) {
            sum += (base.charAt(12 - n) - '0') * (n % 2 == 1 ? 1 : 2);
        }
        return 9 - sum % 9;
    }
}
