package jp.iinj.testing.tokens;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.contracts.access.TokenClaims;

/**
 * Stands in for the identity service in tests: signs RS256 access tokens with the platform's claims and serves
 * its JWKS on a loopback port. {@link #stop()} makes the issuer unreachable, for "issuer down" tests.
 */
public final class TestTokenIssuer implements AutoCloseable {

    public static final String JWKS_PATH = "/oauth2/jwks";

    private final List<RSAKey> keys = new ArrayList<>();
    private final HttpServer server;
    private final String issuer;

    private TestTokenIssuer(HttpServer server) {
        this.server = server;
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort();
        rotateKey();
        server.createContext(JWKS_PATH, exchange -> {
            byte[] body = jwks().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public static TestTokenIssuer start() {
        try {
            return new TestTokenIssuer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}. */
    public String jwkSetUri() {
        return issuer + JWKS_PATH;
    }

    public String issuer() {
        return issuer;
    }

    /** A new signing key; earlier keys stay in the JWKS, as after a rotation at the identity service. */
    public synchronized void rotateKey() {
        keys.add(0, newKey(UUID.randomUUID().toString()));
    }

    private static RSAKey newKey(String keyId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(keyId).build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Token token(String subject) {
        return new Token(subject);
    }

    /** Stops serving the JWKS: the issuer is down from the services' point of view. */
    public void stop() {
        server.stop(0);
    }

    @Override
    public void close() {
        stop();
    }

    /** The public JWK Set, as the JWKS endpoint serves it (for fakes that serve it themselves). */
    public synchronized String jwks() {
        return new JWKSet(keys.stream().map(RSAKey::toPublicJWK).map(key -> (com.nimbusds.jose.jwk.JWK) key).toList())
                .toString();
    }

    private synchronized RSAKey currentKey() {
        return keys.get(0);
    }

    /**
     * A token being described; {@link #sign()} finishes it. Defaults: a person's access token ({@code typ at+jwt},
     * scope {@code openid profile}), valid for 15 minutes, no roles.
     */
    public final class Token {
        private final JWTClaimsSet.Builder claims;
        private Instant issuedAt = Instant.now();
        private Duration lifetime = Duration.ofMinutes(15);
        private String type = "at+jwt";

        private Token(String subject) {
            this.claims = new JWTClaimsSet.Builder().subject(subject).issuer(issuer).jwtID(UUID.randomUUID().toString())
                    .claim(TokenClaims.ROLES, List.of()).claim(TokenClaims.MEMBER_IDS, List.of())
                    .claim(TokenClaims.BUREAUS, List.of()).claim("scope", List.of("openid", "profile"));
        }

        /** A regional body's machine client (client credentials): no OpenID scope, only feeds. */
        public Token machine() {
            claims.claim("scope", List.of("feeds.read"));
            return this;
        }

        /** The {@code typ} header; access tokens are {@code at+jwt}, anything else (an ID token's {@code JWT}) must be refused. */
        public Token type(String type) {
            this.type = type;
            return this;
        }

        public Token roles(PlatformRole... roles) {
            claims.claim(TokenClaims.ROLES, java.util.Arrays.stream(roles).map(Enum::name).toList());
            return this;
        }

        public Token memberIds(Collection<String> memberIds) {
            claims.claim(TokenClaims.MEMBER_IDS, List.copyOf(memberIds));
            return this;
        }

        public Token bureaus(Collection<String> bureaus) {
            claims.claim(TokenClaims.BUREAUS, List.copyOf(bureaus));
            return this;
        }

        public Token claim(String name, Object value) {
            claims.claim(name, value);
            return this;
        }

        /** Valid for this long from now (15 minutes unless said). */
        public Token lifetime(Duration validFor) {
            issuedAt = Instant.now();
            lifetime = validFor;
            return this;
        }

        /** Issued so long ago and valid so briefly that it has expired. */
        public Token expired() {
            issuedAt = Instant.now().minus(Duration.ofHours(1));
            lifetime = Duration.ofMinutes(5);
            return this;
        }

        public String sign() {
            return sign(currentKey());
        }

        /** Signed with a key the issuer never published, under the current key id: the signature must be refused. */
        public String signWithUnknownKey() {
            return sign(newKey(currentKey().getKeyID()));
        }

        /** Signed with a key under a key id the issuer never published: a verifier must look it up, then refuse. */
        public String signWithUnknownKeyId() {
            return sign(newKey("unpublished-" + UUID.randomUUID()));
        }

        private String sign(RSAKey key) {
            claims.issueTime(Date.from(issuedAt)).expirationTime(Date.from(issuedAt.plus(lifetime)));
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                        .type(type == null ? null : new JOSEObjectType(type)).build(),
                        claims.build());
                jwt.sign(new RSASSASigner(key));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
