package jp.iinj.identity.support;

import java.util.concurrent.atomic.AtomicInteger;

import jp.iinj.testing.web.Portal;

/** The portal signing in at identity itself, as these tests run it: the redirect URI is the one the tests register. */
public final class IdentityPortal {

    private static final AtomicInteger NEXT_HOST = new AtomicInteger();

    /** The portal's redirect URI in identity's test configuration (the local gateway's {@code /callback}). */
    public static final String REDIRECT_URI = "http://127.0.0.1:8100/callback";
    /** The portal's secret in identity's test configuration: its server side gets refresh tokens with it. */
    public static final String CLIENT_SECRET = "identity-it-portal-secret";

    private IdentityPortal() {
    }

    /**
     * A user of their own: from an address of its own (198.18.0.0/15, reserved for tests), as behind the gateway,
     * so that identity's sign-in throttle counts each test's failed sign-ins apart.
     */
    public static Portal at(int port) {
        return new Portal("http://localhost:" + port, REDIRECT_URI).fromAddress(clientAddress());
    }

    /** An address no other test uses. */
    public static String clientAddress() {
        int host = NEXT_HOST.incrementAndGet();
        return "198.18." + (host >> 8 & 0xff) + "." + (host & 0xff);
    }

    /** The portal's server side: authenticates with its secret and gets refresh tokens. */
    public static Portal serverSideAt(int port) {
        return at(port).withClientSecret(CLIENT_SECRET);
    }
}
