package jp.iinj.identity.support;

import jp.iinj.testing.web.Portal;

/** The portal signing in at identity itself, as these tests run it: the redirect URI is the one the tests register. */
public final class IdentityPortal {

    /** The portal's redirect URI in identity's test configuration (the local gateway's {@code /callback}). */
    public static final String REDIRECT_URI = "http://127.0.0.1:8100/callback";
    /** The portal's secret in identity's test configuration: its server side gets refresh tokens with it. */
    public static final String CLIENT_SECRET = "identity-it-portal-secret";

    private IdentityPortal() {
    }

    public static Portal at(int port) {
        return new Portal("http://localhost:" + port, REDIRECT_URI);
    }

    /** The portal's server side: authenticates with its secret and gets refresh tokens. */
    public static Portal serverSideAt(int port) {
        return at(port).withClientSecret(CLIENT_SECRET);
    }
}
