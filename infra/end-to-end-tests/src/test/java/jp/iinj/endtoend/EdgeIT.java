package jp.iinj.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import jp.iinj.endtoend.support.Actor;
import jp.iinj.endtoend.support.Actors;
import jp.iinj.endtoend.support.Answer;
import jp.iinj.endtoend.support.EndToEndTest;
import jp.iinj.endtoend.support.FrontDoor;
import jp.iinj.testing.mail.MailBox;
import jp.iinj.testing.web.Browser;
import jp.iinj.testing.web.RawHttp;
import jp.iinj.testing.web.RawHttp.Probe;

/**
 * The probe's requests at the front door that got no problem, or told too much: another origin, requests Reactor Netty
 * refuses on its own, the sign-in page's policy, and a password reset for a known and an unknown e-mail.
 */
@EndToEndTest
class EdgeIT {

    private static final String EVIL_ORIGIN = "https://evil.example";

    @Test
    void another_origin_gets_a_forbidden_problem_for_a_preflight_and_a_request(FrontDoor frontDoor) {
        Answer preflight = frontDoor.send("OPTIONS", "/api/members/organisations", null, null, "application/json",
                Map.of("Origin", EVIL_ORIGIN, "Access-Control-Request-Method", "POST"));
        Answer request = frontDoor.send("GET", "/api/members/clusters", null, null, "application/json",
                Map.of("Origin", EVIL_ORIGIN));

        for (Answer answer : new Answer[] {preflight, request}) {
            assertThat(answer.status()).as("%s", answer).isEqualTo(403);
            assertThat(answer.isProblem()).as("%s", answer).isTrue();
            assertThat(answer.json().path("status").asInt()).isEqualTo(403);
            assertThat(answer.json().path("detail").asString()).isEqualTo("Cross-origin requests from this origin are not allowed.");
            assertThat(answer.header("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Test
    void what_the_gateway_refuses_before_reading_a_request_is_a_problem(FrontDoor frontDoor) {
        int port = URI.create(frontDoor.baseUrl()).getPort();
        for (Probe probe : Probe.values()) {
            RawHttp.send(port, probe.request("/api/members/organisations")).assertProblem(switch (probe) {
                case OVERSIZED_HEADER -> 431;
                case OVERSIZED_URL -> 414;
                default -> 400;
            });
        }
    }

    @Test
    void every_answer_carries_a_policy_and_the_sign_in_page_keeps_identitys_own(FrontDoor frontDoor) {
        for (String path : new String[] {"/api/members/clusters", "/.well-known/openid-configuration", "/api/members/nowhere"}) {
            Answer answer = frontDoor.get(path, null);
            assertThat(answer.header("Content-Security-Policy")).as(path).hasValue("default-src 'none'; frame-ancestors 'none'");
            assertThat(answer.header("Referrer-Policy")).as(path).hasValue("no-referrer");
        }
        var page = new Browser().get(frontDoor.baseUrl() + "/login");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().allValues("Content-Security-Policy")).containsExactly(
                "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    }

    @Test
    void a_password_reset_is_answered_alike_for_a_known_and_an_unknown_email_and_only_the_known_one_is_mailed(
            Actors actors, FrontDoor frontDoor, MailBox mailBox) {
        String known = actors.email(Actor.COORDINATOR);
        String unknown = "nobody-" + UUID.randomUUID() + "@e2e.example.jp";
        long resetMailsBefore = resetMailsTo(mailBox, known);

        Answer forKnown = requestReset(frontDoor, known);
        Answer forUnknown = requestReset(frontDoor, unknown);

        assertThat(forKnown.status()).as("%s", forKnown).isEqualTo(202);
        assertThat(forUnknown.status()).isEqualTo(forKnown.status());
        assertThat(forUnknown.body()).isEqualTo(forKnown.body());
        assertThat(forUnknown.headers().map().keySet()).isEqualTo(forKnown.headers().map().keySet());
        await("the reset mail to " + known).atMost(Duration.ofSeconds(60))
                .until(() -> resetMailsTo(mailBox, known) > resetMailsBefore);
        assertThat(mailBox.messagesTo(unknown)).isEmpty();
    }

    private static Answer requestReset(FrontDoor frontDoor, String email) {
        return frontDoor.send("POST", "/api/identity/password-resets", null, "{\"email\":\"" + email + "\"}",
                Map.of("X-Correlation-Id", "e2e-reset-probe"));
    }

    private static long resetMailsTo(MailBox mailBox, String email) {
        return mailBox.messagesTo(email).stream().filter(mail -> mail.contains("reset your password")).count();
    }
}
