package jp.iinj.endtoend.support;

import java.security.SecureRandom;

/** Valid 13-digit corporate numbers (法人番号): a check digit over a random 12-digit base. */
public final class CorporateNumbers {

    private static final SecureRandom RANDOM = new SecureRandom();

    private CorporateNumbers() {
    }

    public static String random() {
        StringBuilder base = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            base.append(RANDOM.nextInt(10));
        }
        return checkDigit(base.toString()) + base.toString();
    }

    /** {@code 9 - (Σ P_n·Q_n mod 9)}, P_n the n-th digit from the right, Q_n 1 for odd n and 2 for even n. */
    static int checkDigit(String base) {
        int sum = 0;
        for (int n = 1; n <= 12; n++) {
            sum += (base.charAt(12 - n) - '0') * (n % 2 == 1 ? 1 : 2);
        }
        return 9 - sum % 9;
    }
}
