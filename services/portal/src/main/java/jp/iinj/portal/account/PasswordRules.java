package jp.iinj.portal.account;

import java.util.Optional;

/**
 * What the portal checks of a new password before sending it (identity decides the rest, its {@code PasswordPolicy}):
 * 12 to 128 characters, counted in code points as identity counts them, and typed the same twice. Shared by every
 * page that sets a password (the mails' links, the first administrator's set-up).
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    /** Which field is wrong, if one is. */
    public enum Problem { LENGTH, MISMATCH }

    private PasswordRules() {
    }

    public static Optional<Problem> check(String password, String confirmation) {
        String typed = password == null ? "" : password;
        int length = typed.codePointCount(0, typed.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return Optional.of(Problem.LENGTH);
        }
        return typed.equals(confirmation) ? Optional.empty() : Optional.of(Problem.MISMATCH);
    }
}
