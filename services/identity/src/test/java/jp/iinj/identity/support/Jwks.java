package jp.iinj.identity.support;

import java.text.ParseException;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;

import static org.assertj.core.api.Assertions.assertThat;

/** What a relying service does with a token: fetch the issuer's JWKS and verify the signature. */
public final class Jwks {

    private Jwks() {
    }

    public static JWKSet fetch(int port) {
        var response = new Api(port).get("/oauth2/jwks", null);
        assertThat(response.statusCode()).isEqualTo(200);
        try {
            return JWKSet.parse(response.body());
        } catch (ParseException e) {
            throw new AssertionError("JWKS is not a JWK set: " + response.body(), e);
        }
    }

    public static List<String> kids(int port) {
        return fetch(port).getKeys().stream().map(JWK::getKeyID).toList();
    }

    /** True if the token's signature verifies with the key its {@code kid} names in this JWKS. */
    public static boolean verifies(String token, JWKSet jwks) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWK key = jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
            if (key == null) {
                return false;
            }
            assertThat(key.isPrivate()).as("JWKS must publish public keys only").isFalse();
            return jwt.verify(new RSASSAVerifier((RSAKey) key));
        } catch (ParseException | JOSEException e) {
            throw new AssertionError(e);
        }
    }

    public static String kid(String token) {
        try {
            return SignedJWT.parse(token).getHeader().getKeyID();
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    public static Map<String, Object> claims(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet().getClaims();
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }
}
