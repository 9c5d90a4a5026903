package jp.iinj.eventfeeds.webhooks;

import java.security.SecureRandom;
import java.util.Base64;

/** New signing secrets in the Standard Webhooks form: {@code whsec_} and 32 random bytes in base64. */
public final class WebhookSecrets {

    public static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecrets() {
    }

    public static String generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }
}
