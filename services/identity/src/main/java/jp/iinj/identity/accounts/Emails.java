package jp.iinj.identity.accounts;

import java.util.Locale;
import java.util.regex.Pattern;

/** E-mail addresses as the accounts store them: trimmed, lower case. */
public final class Emails {

    public static final int MAX_LENGTH = 254;
    private static final Pattern PLAUSIBLE = Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");

    private Emails() {
    }

    public static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    public static boolean plausible(String email) {
        return email != null && email.length() <= MAX_LENGTH && PLAUSIBLE.matcher(email.strip()).matches();
    }

    /** The part before the {@code @}. */
    public static String localPart(String email) {
        int at = email.lastIndexOf('@');
        return at < 0 ? email : email.substring(0, at);
    }
}
