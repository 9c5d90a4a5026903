package jp.iinj.memberregistry.corporatenumber;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A 13-digit Japanese Corporate Number (法人番号). The first digit is a check digit over the other twelve (Ministry
 * of Finance ordinance No. 70, art. 2). The check cannot catch every typo (a 0-9 swap passes), which is why the
 * number is also a uniqueness key in the registry.
 */
public record CorporateNumber(String value) {

    private static final Pattern SHAPE = Pattern.compile("^[1-9][0-9]{12}$");

    public CorporateNumber {
        String problem = problemWith(value).orElse(null);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Why {@code candidate} is not a valid corporate number, or empty when it is one. */
    public static Optional<String> problemWith(String candidate) {
        if (candidate == null || !SHAPE.matcher(candidate).matches()) {
            return Optional.of("must be 13 digits, the first 1-9");
        }
        int expected = checkDigit(candidate.substring(1));
        if (candidate.charAt(0) - '0' != expected) {
            return Optional.of("check digit does not match: expected " + expected + " for base " + candidate.substring(1));
        }
        return Optional.empty();
    }

    /**
     * {@code 9 - (sum of P_n * Q_n mod 9)}, where P_n is the n-th digit counted from the right of the 12-digit base
     * and Q_n is 1 for odd n, 2 for even n.
     */
    static int checkDigit(String base) {
        int sum = 0;
        for (int n = 1; n <= 12; n++) {
            int digit = base.charAt(12 - n) - '0';
            sum += digit * (n % 2 == 1 ? 1 : 2);
        }
        return 9 - sum % 9;
    }

    @Override
    public String toString() {
        return value;
    }
}
