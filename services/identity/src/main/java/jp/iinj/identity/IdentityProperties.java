package jp.iinj.identity;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the identity service ({@code iinj.identity.*}); every one is explained in the README.
 *
 * @param issuer    the {@code iss} of every token and the base of the discovery document: the gateway's address,
 *                  which routes {@code /oauth2/**}, {@code /login}, {@code /.well-known/**} here
 * @param publicUrl base of the links written into mails
 */
@Validated
@ConfigurationProperties("iinj.identity")
public record IdentityProperties(
        @NotNull @DefaultValue("http://localhost:8100") URI issuer,
        @NotNull @DefaultValue("http://localhost:8100") URI publicUrl,
        @Valid @NotNull @DefaultValue Lockout lockout,
        @Valid @NotNull @DefaultValue SignInThrottle signInThrottle,
        @Valid @NotNull @DefaultValue Tokens tokens,
        @Valid @NotNull @DefaultValue SigningKeys signingKeys,
        @Valid @NotNull @DefaultValue Portal portal,
        @Valid @NotNull @DefaultValue Mail mail,
        @Valid @NotNull @DefaultValue Bootstrap bootstrap,
        @Valid @NotNull @DefaultValue FirstAdministrator firstAdministrator) {

    /** Consecutive failed sign-ins before the account is locked, and for how long. */
    public record Lockout(@Min(1) @DefaultValue("5") int maxFailures,
                          @NotNull @DefaultValue("15m") Duration coolDown) {
    }

    /**
     * Failed sign-ins (form login, client authentication at the token endpoint) counted per client address and per
     * account e-mail or machine client; past the maximum within a window, sign-ins from that address or for that
     * account are refused (429) until the window ends.
     */
    public record SignInThrottle(@Min(1) @DefaultValue("20") int addressMaxFailures,
                                 @NotNull @DefaultValue("5m") Duration addressWindow,
                                 @Min(1) @DefaultValue("10") int accountMaxFailures,
                                 @NotNull @DefaultValue("15m") Duration accountWindow) {
    }

    /**
     * Lifetimes: access tokens of every client, refresh tokens of the portal (when it has a secret), and the
     * one-time tokens mailed to people.
     */
    public record Tokens(@NotNull @DefaultValue("15m") Duration accessTokenTtl,
                         @NotNull @DefaultValue("8h") Duration refreshTokenTtl,
                         @NotNull @DefaultValue("1h") Duration passwordResetTtl,
                         @NotNull @DefaultValue("72h") Duration setPasswordTtl,
                         @NotNull @DefaultValue("7d") Duration invitationTtl) {
    }

    /**
     * @param rotateEvery   age at which the scheduled check rotates the active key; {@code 0} turns scheduled
     *                      rotation off
     * @param checkInterval how often the scheduled check runs (and prunes keys no longer published)
     * @param clockSkew     added to the token lifetimes before a retired key leaves the JWKS
     * @param cacheTtl      how long an instance reuses the keys it read from MongoDB
     * @param encryptionKey the key-encryption key of the private keys, base64 of 32 bytes
     *                      ({@code IINJ_IDENTITY_KEY_ENCRYPTION_KEY}); or
     * @param encryptionKeyFile a file holding it ({@code IINJ_IDENTITY_KEY_ENCRYPTION_KEY_FILE})
     */
    public record SigningKeys(@NotNull @DefaultValue("30d") Duration rotateEvery,
                              @NotNull @DefaultValue("1h") Duration checkInterval,
                              @NotNull @DefaultValue("5m") Duration clockSkew,
                              @NotNull @DefaultValue("5s") Duration cacheTtl,
                              String encryptionKey,
                              String encryptionKeyFile) {

        /** Never the key itself, wherever settings are printed. */
        @Override
        public String toString() {
            return "SigningKeys[rotateEvery=" + rotateEvery + ", checkInterval=" + checkInterval + ", clockSkew="
                    + clockSkew + ", cacheTtl=" + cacheTtl + ", encryptionKey=" + (encryptionKey == null ? "none" : "****")
                    + ", encryptionKeyFile=" + encryptionKeyFile + "]";
        }
    }

    /**
     * The web portal: authorization code + PKCE as a public client (no secret, no refresh tokens) and, when
     * {@code clientSecret} is set, also as a confidential client (its server side, HTTP Basic), which gets refresh
     * tokens.
     */
    public record Portal(@NotEmpty @DefaultValue("iinj-portal") String clientId,
                         @NotEmpty @DefaultValue({"http://localhost:8100/login/oauth2/code/iinj-portal",
                                 "http://127.0.0.1:8100/callback"}) List<String> redirectUris,
                         @NotNull @DefaultValue("http://localhost:8100/") List<String> postLogoutRedirectUris,
                         String clientSecret) {

        public boolean confidential() {
            return clientSecret != null && !clientSecret.isBlank();
        }
    }

    /**
     * Where {@code FileMailSender} writes one text file per message (application.yml: under {@code java.io.tmpdir}).
     */
    public record Mail(Path directory) {

        public Path directoryOrDefault() {
            return directory != null ? directory : Path.of(System.getProperty("java.io.tmpdir"), "iinj-identity-mail");
        }
    }

    /**
     * The deployments' way to the first administrator: an administrator account for this e-mail, mailed a
     * set-password link; used only while no administrator exists.
     */
    public record Bootstrap(String adminEmail) {
    }

    /**
     * The local platform's way to the first administrator ({@code iinj.identity.first-administrator.*}): a one-time
     * set-up link its banner prints. Unset, the link is closed.
     *
     * @param setupTokenSha256    the SHA-256 (hex) of the link's token; the token itself never reaches identity
     * @param setupTokenExpiresAt when the link stops working
     */
    public record FirstAdministrator(String setupTokenSha256, java.time.Instant setupTokenExpiresAt) {
    }
}
