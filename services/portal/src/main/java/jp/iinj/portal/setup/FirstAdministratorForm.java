package jp.iinj.portal.setup;

/** What the set-up page posts: the one-time token from the banner's link, and the first administrator. */
public record FirstAdministratorForm(String token, String email, String displayName, String password,
                                     String passwordConfirmation) {

    static FirstAdministratorForm empty(String token) {
        return new FirstAdministratorForm(token, "", "", "", "");
    }

    /** Passwords are never sent back to the browser. */
    FirstAdministratorForm withoutPasswords() {
        return new FirstAdministratorForm(token, email, displayName, "", "");
    }
}
