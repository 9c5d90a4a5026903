package jp.iinj.identity.signinthrottle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** One thing failures are counted for: a client address, an account e-mail or a machine client's id. */
record ThrottledKey(Kind kind, String value) {

    enum Kind {
        ADDRESS, ACCOUNT, CLIENT
    }

    /** What the store keeps instead of the address or e-mail itself: a SHA-256, so it holds no personal data in the clear. */
    String digest() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((kind + ":" + value).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }
}
