package jp.iinj.endtoend;

import static jp.iinj.endtoend.support.Actor.REGIONAL_BODY_KANTO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import jp.iinj.endtoend.support.Actors;
import jp.iinj.endtoend.support.Answer;
import jp.iinj.endtoend.support.EndToEndTest;
import jp.iinj.endtoend.support.FrontDoor;
import jp.iinj.endtoend.support.Json;
import jp.iinj.endtoend.support.Jwt;
import jp.iinj.endtoend.support.Registrations;
import jp.iinj.endtoend.support.RunningPlatform;
import jp.iinj.testing.web.Portal;

/**
 * Access follows membership, through the front door: the owner of an organisation signs in at the portal's server
 * side (which gets refresh tokens); the regional body suspends the organisation; identity, told by the registry's
 * event, refuses the refresh token and issues tokens without the member claim; the reinstatement brings the claim
 * back at the next sign-in.
 */
@EndToEndTest
class SuspensionRevokesAccessIT {

    private static final Duration EVENT_DELIVERY = Duration.ofSeconds(60);

    @Test
    void a_suspension_ends_the_owners_refresh_token_and_member_claim_and_a_reinstatement_brings_the_claim_back(
            Actors actors, FrontDoor frontDoor, Portal portal) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String ownerEmail = "owner-" + suffix + "@suspension.e2e.example.jp";
        Answer registered = actors.registrations().register("E2E 停止検証株式会社 " + suffix, Registrations.TOKYO,
                "E2E 代表者 " + suffix, ownerEmail);
        assertThat(registered.status()).as("%s", registered).isEqualTo(201);
        String id = registered.json().path("id").asString();
        String location = "/api/members/organisations/" + id;
        String regionalBody = actors.token(REGIONAL_BODY_KANTO);
        Answer approved = frontDoor.post(location + "/approval", regionalBody, null);
        assertThat(approved.status()).as("%s", approved).isEqualTo(200);
        String password = Actors.newPassword();
        actors.setPasswordFromMail(ownerEmail, password);
        Portal portalServer = portal.withClientSecret(RunningPlatform.PORTAL_CLIENT_SECRET);
        Portal.Tokens signedIn = portalServer.signIn(ownerEmail, password);
        assertThat(Jwt.decode(signedIn.accessToken()).memberIds()).containsExactly(id);
        assertThat(signedIn.refreshToken()).as("the portal's server side gets a refresh token").isNotBlank();

        Answer suspended = frontDoor.post(location + "/suspension", regionalBody,
                Json.write(Map.of("reason", "UNPAID_FEES")));
        assertThat(suspended.status()).as("%s", suspended).isEqualTo(200);

        // awaited by signing in afresh, not by refreshing: a refresh rotates the token, so polling with it would
        // pass before identity had the suspension
        await("a fresh sign-in has no member claim").atMost(EVENT_DELIVERY)
                .until(() -> Jwt.decode(portalServer.signIn(ownerEmail, password).accessToken()).memberIds().isEmpty());
        HttpResponse<String> refused = portalServer.refresh(signedIn.refreshToken());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("invalid_grant");

        Answer reinstated = frontDoor.post(location + "/reinstatement", regionalBody, null);
        assertThat(reinstated.status()).as("%s", reinstated).isEqualTo(200);

        await("the member claim is back at the next sign-in").atMost(EVENT_DELIVERY)
                .until(() -> Jwt.decode(portal.signIn(ownerEmail, password).accessToken()).memberIds().contains(id));
    }
}
