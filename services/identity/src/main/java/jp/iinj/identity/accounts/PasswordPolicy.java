package jp.iinj.identity.accounts;

import java.util.Locale;
import java.util.Optional;

/** 12 to 128 characters, not containing the local part of the person's e-mail (when that is 3 characters or more). */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    private static final int MIN_LOCAL_PART_CHECKED = 3;

    private PasswordPolicy() {
    }

    /** Why the password is refused, or empty if it is acceptable. */
    public static Optional<String> violation(String password, String email) {
        if (password == null) {
            return Optional.of("Must be present and not null.");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return Optional.of("Must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long.");
        }
        if (password.isBlank()) {
            return Optional.of("Must not be blank.");
        }
        if (email != null) {
            String localPart = Emails.localPart(email).toLowerCase(Locale.ROOT);
            if (localPart.length() >= MIN_LOCAL_PART_CHECKED && password.toLowerCase(Locale.ROOT).contains(localPart)) {
                return Optional.of("Must not contain the name part of your e-mail address.");
            }
        }
        return Optional.empty();
    }
}
