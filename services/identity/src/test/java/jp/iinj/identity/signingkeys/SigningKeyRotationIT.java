package jp.iinj.identity.signingkeys;

import java.time.Duration;

import com.nimbusds.jose.jwk.JWKSet;
import jp.iinj.identity.accounts.AccountStore;
import jp.iinj.identity.accounts.Accounts;
import jp.iinj.identity.support.Api;
import jp.iinj.identity.support.IdentityIntegrationTest;
import jp.iinj.identity.support.Jwks;
import jp.iinj.testing.time.MutableClock;
import jp.iinj.identity.support.TestAccounts;
import jp.iinj.testing.web.Portal;
import jp.iinj.identity.support.IdentityPortal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Priority 3a: a token signed before a rotation stays valid until it has expired, then its key leaves the JWKS. */
@IdentityIntegrationTest
class SigningKeyRotationIT {

    @LocalServerPort
    int port;
    @Autowired
    AccountStore store;
    @Autowired
    Accounts accounts;
    @Autowired
    SigningKeys signingKeys;
    @Autowired
    MutableClock clock;

    Api api;
    Portal portal;
    String adminEmail;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        portal = IdentityPortal.at(port);
        adminEmail = new TestAccounts(store, accounts).admin().email();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aTokenOfTheRetiredKeyVerifiesUntilItsTokensHaveExpired() {
        String oldToken = portal.signIn(adminEmail, TestAccounts.PASSWORD).accessToken();
        String oldKid = Jwks.kid(oldToken);

        var rotation = api.post("/api/identity/admin/signing-keys/rotation", "", oldToken);

        assertThat(rotation.statusCode()).as(rotation.body()).isEqualTo(200);
        String newKid = Api.json(rotation).get("activeKid").asString();
        assertThat(Api.json(rotation).get("retiredKid").asString()).isEqualTo(oldKid);
        assertThat(newKid).isNotEqualTo(oldKid);

        // both keys published; the old token verifies, and the service itself still accepts it
        JWKSet afterRotation = Jwks.fetch(port);
        assertThat(Jwks.kids(port)).contains(oldKid, newKid);
        assertThat(Jwks.verifies(oldToken, afterRotation)).isTrue();
        assertThat(api.get("/api/identity/admin/signing-keys", oldToken).statusCode()).isEqualTo(200);

        // new tokens are signed with the new key
        String newToken = portal.signIn(adminEmail, TestAccounts.PASSWORD).accessToken();
        assertThat(Jwks.kid(newToken)).isEqualTo(newKid);
        assertThat(Jwks.verifies(newToken, afterRotation)).isTrue();

        // just before the end of the retention (token lifetime + skew) the old key is still there
        clock.advance(signingKeys.retention().minusSeconds(5));
        assertThat(Jwks.kids(port)).contains(oldKid, newKid);

        // after it, it is gone: the old token no longer verifies, the new one does
        clock.advance(Duration.ofSeconds(10));
        JWKSet later = Jwks.fetch(port);
        assertThat(Jwks.kids(port)).contains(newKid).doesNotContain(oldKid);
        assertThat(Jwks.verifies(oldToken, later)).isFalse();
        assertThat(Jwks.verifies(newToken, later)).isTrue();

        // the scheduled check deletes it
        signingKeys.rotateWhenDue();
        assertThat(signingKeys.list()).extracting(SigningKeys.KeyInfo::kid).doesNotContain(oldKid);
    }

    @Test
    void retentionCoversTheLongestTokenLifetimePlusSkew() {
        // access tokens 15 min, ID tokens 30 min (fixed by Spring Authorization Server), skew 5 min
        assertThat(signingKeys.retention()).isEqualTo(Duration.ofMinutes(35));
    }

    @Test
    void theJwksNeverPublishesPrivateKeys() {
        var response = api.get("/oauth2/jwks", null);

        assertThat(response.body()).doesNotContain("\"d\"", "\"p\"", "\"q\"");
        assertThat(Jwks.fetch(port).getKeys()).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
    }

    @Test
    void scheduledRotationRotatesAKeyOnceItIsOld() {
        String before = signingKeys.active().getKeyID();

        clock.advance(Duration.ofDays(31));
        signingKeys.rotateWhenDue();

        String after = signingKeys.active().getKeyID();
        assertThat(after).isNotEqualTo(before);
        assertThat(Jwks.kids(port)).contains(before, after);
    }

    @Test
    void onlyAdministratorsRotate() {
        var anonymous = api.post("/api/identity/admin/signing-keys/rotation", "", null);

        assertThat(anonymous.statusCode()).isEqualTo(401);
    }
}
