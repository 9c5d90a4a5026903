package jp.iinj.eventfeeds.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import jp.iinj.eventfeeds.sinks.SinkPolicy;
import jp.iinj.eventfeeds.sinks.SinkSettings;

/**
 * One delivery attempt against a real HTTP server on loopback (allowed by the allow-list, as on the local platform):
 * what is sent, how answers are read, and what is never done (follow a redirect, wait forever, reach a forbidden
 * address). The signature is checked by a second implementation written here from the Standard Webhooks
 * specification, not with the library that made it.
 */
class WebhookSenderIT {

    private static final byte[] BODY = "{\"specversion\":\"1.0\",\"id\":\"e-1\",\"data\":{\"x\":\"日本\"}}"
            .getBytes(StandardCharsets.UTF_8);

    private HttpServer server;
    private final List<Map<String, List<String>>> received = new CopyOnWriteArrayList<>();
    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile Map<String, String> answerHeaders = Map.of();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean hold;
    private volatile boolean trickle;

    private void awaitRelease() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private final WebhookSender sender = new WebhookSender(
            new SinkPolicy(new SinkSettings(true, List.of("127.0.0.1/32"))), Clock.systemUTC(), Duration.ofSeconds(2));

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            received.add(Map.copyOf(exchange.getRequestHeaders()));
            bodies.add(exchange.getRequestBody().readAllBytes());
            if (hold) {
                awaitRelease();
            }
            answerHeaders.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            if (trickle) {
                // headers at once, then a body that never ends
                exchange.sendResponseHeaders(status, 0);
                exchange.getResponseBody().write('{');
                exchange.getResponseBody().flush();
                awaitRelease();
            } else {
                exchange.sendResponseHeaders(status, -1);
            }
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private URI sink() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    /** Standard Webhooks: base64(HMAC-SHA256(key, id + "." + timestamp + "." + body)), key = base64 after whsec_. */
    private static String expectedSignature(String secret, String id, String timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    private static String header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    @Test
    void aDeliveryIsTheSignedCloudEventWithTheStandardHeaders() throws Exception {
        String secret = WebhookSecrets.generate();
        WebhookSender.Attempt attempt = sender.send(sink(), "msg_d-1", BODY, List.of(secret)).block();

        assertThat(attempt.result()).isEqualTo(WebhookSender.Result.DELIVERED);
        assertThat(attempt.status()).isEqualTo(200);
        Map<String, List<String>> headers = received.get(0);
        assertThat(header(headers, "webhook-id")).isEqualTo("msg_d-1");
        String timestamp = header(headers, "webhook-timestamp");
        assertThat(Long.parseLong(timestamp)).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(30L));
        assertThat(header(headers, "content-type")).startsWith("application/cloudevents+json");
        assertThat(bodies.get(0)).isEqualTo(BODY);
        assertThat(MessageDigest.isEqual(header(headers, "webhook-signature").getBytes(StandardCharsets.UTF_8),
                expectedSignature(secret, "msg_d-1", timestamp, BODY).getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void duringARotationBothSecretsSignAndEitherVerifies() throws Exception {
        String newer = WebhookSecrets.generate();
        String older = WebhookSecrets.generate();
        sender.send(sink(), "msg_d-2", BODY, List.of(newer, older)).block();

        Map<String, List<String>> headers = received.get(0);
        String timestamp = header(headers, "webhook-timestamp");
        assertThat(header(headers, "webhook-signature").split(" ")).containsExactly(
                expectedSignature(newer, "msg_d-2", timestamp, BODY), expectedSignature(older, "msg_d-2", timestamp, BODY));
    }

    @Test
    void answersAreReadAsTheSpecificationSays() {
        status = 410;
        assertThat(sender.send(sink(), "msg_1", BODY, List.of(WebhookSecrets.generate())).block().result())
                .isEqualTo(WebhookSender.Result.GONE);
        status = 503;
        answerHeaders = Map.of("Retry-After", "120");
        WebhookSender.Attempt busy = sender.send(sink(), "msg_2", BODY, List.of(WebhookSecrets.generate())).block();
        assertThat(busy.result()).isEqualTo(WebhookSender.Result.FAILED);
        assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(120));
        status = 500;
        assertThat(sender.send(sink(), "msg_3", BODY, List.of(WebhookSecrets.generate())).block())
                .satisfies(failed -> {
                    assertThat(failed.result()).isEqualTo(WebhookSender.Result.FAILED);
                    assertThat(failed.retryAfter()).as("Retry-After counts on 429 and 503 only").isNull();
                });
    }

    @Test
    void aRedirectIsNeverFollowedNotEvenToAPrivateAddress() {
        status = 302;
        answerHeaders = Map.of("Location", "http://169.254.169.254/latest/meta-data/");
        WebhookSender.Attempt attempt = sender.send(sink(), "msg_r", BODY, List.of(WebhookSecrets.generate())).block();
        assertThat(attempt.result()).isEqualTo(WebhookSender.Result.FAILED);
        assertThat(attempt.status()).isEqualTo(302);
        assertThat(attempt.error()).isEqualTo("redirect not followed");
        assertThat(received).hasSize(1);
    }

    @Test
    void aSubscriberThatDoesNotAnswerInTimeIsAFailedAttempt() {
        hold = true;
        WebhookSender.Attempt attempt = sender.send(sink(), "msg_t", BODY, List.of(WebhookSecrets.generate())).block();
        assertThat(attempt.result()).isEqualTo(WebhookSender.Result.FAILED);
        assertThat(attempt.status()).isNull();
        assertThat(attempt.error()).isEqualTo("no answer in time");
        assertThat(attempt.took()).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void aSubscriberThatSendsItsHeadersButNeverEndsItsBodyIsCutOffInTime() {
        trickle = true;
        WebhookSender.Attempt attempt = sender.send(sink(), "msg_b", BODY, List.of(WebhookSecrets.generate())).block();
        assertThat(attempt.result()).isEqualTo(WebhookSender.Result.FAILED);
        assertThat(attempt.error()).isEqualTo("no answer in time");
        assertThat(attempt.took()).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void withoutTheAllowListLoopbackIsNotReachedWhetherNamedByAddressOrByName() {
        WebhookSender strict = new WebhookSender(new SinkPolicy(new SinkSettings(true, List.of())), Clock.systemUTC(),
                Duration.ofSeconds(2));
        int port = server.getAddress().getPort();
        for (String sink : List.of("http://127.0.0.1:" + port + "/hook", "http://localhost:" + port + "/hook")) {
            WebhookSender.Attempt attempt = strict.send(URI.create(sink), "msg_s", BODY,
                    List.of(WebhookSecrets.generate())).block();
            assertThat(attempt.result()).as(sink).isEqualTo(WebhookSender.Result.FAILED);
            assertThat(attempt.error()).as(sink).contains("webhooks may not reach");
            assertThat(attempt.status()).as(sink).isNull();
        }
        assertThat(received).isEmpty();
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        java.time.Instant now = java.time.Instant.parse("2026-12-01T00:00:00Z");
        assertThat(WebhookSender.retryAfter("30", now)).isEqualTo(Duration.ofSeconds(30));
        assertThat(WebhookSender.retryAfter("Tue, 01 Dec 2026 00:02:00 GMT", now)).isEqualTo(Duration.ofMinutes(2));
        assertThat(WebhookSender.retryAfter("soon", now)).isNull();
        assertThat(WebhookSender.retryAfter("-5", now)).isNull();
    }
}
