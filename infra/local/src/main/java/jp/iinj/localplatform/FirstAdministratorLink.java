package jp.iinj.localplatform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The first administrator's one-time set-up link, made fresh at every start: identity gets only the token's SHA-256
 * and expiry (in its environment); the token itself is printed in the banner, on this console only (never in a log
 * file), and only while identity says no administrator exists. Deployments use
 * {@code IINJ_IDENTITY_BOOTSTRAP_ADMIN_EMAIL} instead (identity's README).
 */
final class FirstAdministratorLink {

    static final String SHA256_VARIABLE = "IINJ_IDENTITY_FIRST_ADMINISTRATOR_SETUP_TOKEN_SHA256";
    static final String EXPIRES_AT_VARIABLE = "IINJ_IDENTITY_FIRST_ADMINISTRATOR_SETUP_TOKEN_EXPIRES_AT";

    private final String token;
    private final Instant expiresAt;

    private FirstAdministratorLink(String token, Instant expiresAt) {
        this.token = token;
        this.expiresAt = expiresAt;
    }

    /** @param validFor {@code iinj.first-administrator.setup-minutes}, an hour by default */
    static FirstAdministratorLink generate(Instant now, Duration validFor) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return new FirstAdministratorLink(Base64.getUrlEncoder().withoutPadding().encodeToString(random), now.plus(validFor));
    }

    /** What identity gets: the digest and the expiry, never the token. */
    Map<String, String> identityEnvironment() {
        return Map.of(SHA256_VARIABLE, sha256Hex(token), EXPIRES_AT_VARIABLE, expiresAt.toString());
    }

    /** The banner's line, if identity says the link is open (no administrator yet). */
    Optional<String> bannerLine(String gatewayUrl, URI identitySetupState) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            HttpResponse<Void> open = client.send(HttpRequest.newBuilder(identitySetupState).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return open.statusCode() == 200 ? Optional.of(line(gatewayUrl)) : Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    String line(String gatewayUrl) {
        String until = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault()).format(expiresAt);
        return "First administrator: open " + gatewayUrl + "/setup?token=" + token + "  (single use, expires " + until + ")";
    }

    static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
