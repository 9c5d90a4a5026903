package jp.iinj.endtoend;

import static jp.iinj.endtoend.support.Actor.ADMIN;
import static jp.iinj.endtoend.support.Actor.MEMBER_A;
import static jp.iinj.endtoend.support.Actor.MEMBER_B;
import static jp.iinj.endtoend.support.Actor.REGIONAL_BODY_KANTO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import jp.iinj.endtoend.support.Actors;
import jp.iinj.endtoend.support.Answer;
import jp.iinj.endtoend.support.EndToEndTest;
import jp.iinj.endtoend.support.FrontDoor;
import jp.iinj.endtoend.support.Jwt;
import jp.iinj.testing.web.Portal;
import jp.iinj.endtoend.support.Registrations;

/** The platform's story as the README tells it, through the front door only, on the real platform. */
@EndToEndTest
class FrontDoorIT {

    @Test
    void a_new_organisation_registers_is_approved_and_its_owner_signs_in_and_sees_it(Actors actors, FrontDoor frontDoor,
                                                                                   Portal portal) {
        String owner = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@story.e2e.example.jp";

        // a new organisation registers, anonymously (Tokyo: the Kanto bureau)
        Answer registered = frontDoor.post("/api/members/organisations", null,
                Registrations.body("株式会社テスト精機", Registrations.TOKYO, "山田 花子", owner));
        assertThat(registered.status()).as("%s", registered).isEqualTo(201);
        String id = registered.json().path("id").asString();
        String location = "/api/members/organisations/" + id;
        assertThat(registered.header("Location")).as("%s", registered).hasValueSatisfying(value -> assertThat(value).endsWith(location));
        assertThat(registered.json().path("status").asString()).isEqualTo("APPLIED");
        assertThat(registered.json().path("bureau").asString()).isEqualTo("kanto");

        // nobody reads it without a token
        Answer anonymous = frontDoor.get(location, null);
        assertThat(anonymous.status()).as("%s", anonymous).isEqualTo(401);
        assertThat(anonymous.isProblem()).as("%s", anonymous).isTrue();
        assertThat(anonymous.json().path("type").asString()).isEqualTo("https://iinj.jp/problems/unauthorized");
        assertThat(anonymous.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));

        // the regional body of its bureau approves it
        Answer approved = frontDoor.post(location + "/approval", actors.token(REGIONAL_BODY_KANTO), null);
        assertThat(approved.status()).as("%s", approved).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("ACTIVE");

        // the approval reaches identity over Kafka: the owner is mailed a set-password link, sets it, signs in
        String password = Actors.newPassword();
        actors.setPasswordFromMail(owner, password);
        String token = portal.signIn(owner, password).accessToken();
        Jwt claims = Jwt.decode(token);
        assertThat(claims.roles()).contains("MEMBER");
        assertThat(claims.memberIds()).containsExactly(id);

        // the owner reads the organisation through the gateway
        Answer own = frontDoor.get(location, token);
        assertThat(own.status()).as("%s", own).isEqualTo(200);
        assertThat(own.json().path("id").asString()).isEqualTo(id);
        assertThat(own.json().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(own.json().path("owner").path("email").asString()).isEqualTo(owner);

        // another member is told it does not exist
        Answer other = frontDoor.get(location, actors.token(MEMBER_B));
        assertThat(other.status()).as("%s", other).isEqualTo(404);
        assertThat(other.isProblem()).as("%s", other).isTrue();
        assertThat(other.body()).doesNotContain(owner).doesNotContain("株式会社テスト精機");
    }

    @Test
    void tokens_issued_before_a_signing_key_rotation_stay_valid_and_new_ones_use_the_new_key(Actors actors,
                                                                                            FrontDoor frontDoor) {
        String organisationA = "/api/members/organisations/" + actors.organisationA();
        String memberBefore = actors.signIn(MEMBER_A);
        String adminBefore = actors.signIn(ADMIN);
        String oldKid = Jwt.decode(memberBefore).keyId();
        assertThat(oldKid).isNotBlank();
        // make sure the gateway and member-registry know the old key before it is retired
        assertThat(frontDoor.get(organisationA, memberBefore).status()).isEqualTo(200);

        Answer rotation = frontDoor.post("/api/identity/admin/signing-keys/rotation", adminBefore, null);
        assertThat(rotation.status()).as("%s", rotation).isEqualTo(200);
        String newKid = rotation.json().path("activeKid").asString();
        assertThat(rotation.json().path("retiredKid").asString()).isEqualTo(oldKid);
        assertThat(newKid).isNotBlank().isNotEqualTo(oldKid);

        // tokens signed with the retired key: accepted by the gateway, member-registry and identity itself
        Answer oldTokenAtRegistry = frontDoor.get(organisationA, memberBefore);
        assertThat(oldTokenAtRegistry.status()).as("%s", oldTokenAtRegistry).isEqualTo(200);
        Answer oldTokenAtIdentity = frontDoor.get("/api/identity/admin/signing-keys", adminBefore);
        assertThat(oldTokenAtIdentity.status()).as("%s", oldTokenAtIdentity).isEqualTo(200);
        assertThat(statusOf(oldTokenAtIdentity.json(), oldKid)).isEqualTo("RETIRED");
        assertThat(statusOf(oldTokenAtIdentity.json(), newKid)).isEqualTo("ACTIVE");

        // the retired key is still published, next to the new one
        Answer jwks = frontDoor.get("/oauth2/jwks", null);
        List<String> published = jwks.json().path("keys").values().stream().map(key -> key.path("kid").asString()).toList();
        assertThat(published).contains(oldKid, newKid);

        // new sign-ins get tokens signed with the new key (identity reads its keys at most every 5 s), accepted too
        String memberAfter = await("a token signed with the new key " + newKid)
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> actors.signIn(MEMBER_A), token -> Jwt.decode(token).keyId().equals(newKid));
        Answer newTokenAtRegistry = frontDoor.get(organisationA, memberAfter);
        assertThat(newTokenAtRegistry.status()).as("%s", newTokenAtRegistry).isEqualTo(200);
        String adminAfter = actors.signIn(ADMIN);
        assertThat(Jwt.decode(adminAfter).keyId()).isEqualTo(newKid);
        Answer newTokenAtIdentity = frontDoor.get("/api/identity/admin/signing-keys", adminAfter);
        assertThat(newTokenAtIdentity.status()).as("%s", newTokenAtIdentity).isEqualTo(200);

        // and the old ones still work after the new key is in use
        assertThat(frontDoor.get(organisationA, memberBefore).status()).isEqualTo(200);
    }

    /**
     * The portal gets an ID token next to the access token (same signing key, same claims, 30 min instead of 15, and
     * it travels further: {@code id_token_hint} in logout URLs, the browser). It tells the portal who signed in; it
     * must not open an API.
     */
    @Test
    void an_id_token_is_not_accepted_as_an_access_token(Actors actors, FrontDoor frontDoor) {
        Portal.Tokens admin = actors.signInForTokens(ADMIN);
        Portal.Tokens member = actors.signInForTokens(MEMBER_A);
        String organisationA = "/api/members/organisations/" + actors.organisationA();
        assertThat(frontDoor.get(organisationA, member.accessToken()).status()).isEqualTo(200);
        assertThat(frontDoor.get("/api/identity/admin/signing-keys", admin.accessToken()).status()).isEqualTo(200);

        SoftAssertions softly = new SoftAssertions();
        for (Answer answer : List.of(
                frontDoor.get(organisationA, member.idToken()),                            // member-registry
                frontDoor.get("/api/identity/admin/signing-keys", admin.idToken()),          // identity's API
                frontDoor.post("/api/identity/admin/clients", admin.idToken(),
                        "{\"name\":\"E2E via an ID token\",\"bureaus\":[\"kanto\"]}"),
                frontDoor.get("/actuator/prometheus", admin.idToken()))) {                 // the gateway's own
            softly.assertThat(answer.status()).as("%s", answer).isEqualTo(401);
            softly.assertThat(answer.isProblem()).as("problem+json: %s", answer).isTrue();
        }
        softly.assertAll();
    }

    private static String statusOf(JsonNode keys, String kid) {
        for (JsonNode key : keys) {
            if (kid.equals(key.path("kid").asString())) {
                return key.path("status").asString();
            }
        }
        return "(not listed)";
    }
}
