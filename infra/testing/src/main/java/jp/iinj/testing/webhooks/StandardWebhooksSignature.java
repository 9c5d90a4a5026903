package jp.iinj.testing.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies a {@code webhook-signature} as the Standard Webhooks specification says, written from the specification
 * and not with the library that signs, so a test catches a signing mistake that both would share:
 * {@code v1,} + base64(HMAC-SHA256(key, id + "." + timestamp + "." + body)), the key being the base64 after
 * {@code whsec_}; the header may carry several space-separated signatures (during a rotation), any of which may match.
 */
public final class StandardWebhooksSignature {

    private StandardWebhooksSignature() {
    }

    public static String expected(String secret, String webhookId, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())),
                    "HmacSHA256"));
            mac.update((webhookId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", unavailable);
        }
    }

    /** Whether one of the request's signatures is the secret's. */
    public static boolean verifies(WebhookReceiver.Received request, String secret) {
        if (request.signature() == null) {
            return false;
        }
        byte[] expected = expected(secret, request.webhookId(), request.timestamp(), request.body())
                .getBytes(StandardCharsets.UTF_8);
        for (String signature : request.signature().split(" ")) {
            if (MessageDigest.isEqual(signature.getBytes(StandardCharsets.UTF_8), expected)) {
                return true;
            }
        }
        return false;
    }
}
