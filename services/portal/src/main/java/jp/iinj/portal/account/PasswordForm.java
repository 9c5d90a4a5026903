package jp.iinj.portal.account;

/**
 * What the password pages post: the mail's one-time token (in the body, not the address), the new password twice,
 * and for an invitation the name the person is shown by.
 */
public record PasswordForm(String token, String displayName, String password, String passwordConfirmation) {

    PasswordForm withoutPasswords() {
        return new PasswordForm(token, displayName, "", "");
    }
}
