package jp.iinj.portal.signin;

/** The paths of signing in and out, for links and redirects. */
public final class SignInPaths {

    /** starts the authorization code flow at identity */
    public static final String SIGN_IN = SignInConfiguration.SIGN_IN_PATH;
    /** a form posts here (with its CSRF token) to end the session here and at identity */
    public static final String SIGN_OUT = "/sign-out";

    private SignInPaths() {
    }
}
