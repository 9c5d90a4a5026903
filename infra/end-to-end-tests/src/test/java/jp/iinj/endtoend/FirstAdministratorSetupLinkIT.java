package jp.iinj.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import jp.iinj.endtoend.support.Json;
import jp.iinj.endtoend.support.RunningPlatform;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The launcher's first-administrator link without a browser: on a fresh data directory with no administrator the
 * banner prints it, the token is in no log file, and the API through the gateway takes it exactly once, even from
 * two requests at once. A platform of its own (the shared one has its administrator from the environment), stopped
 * at the end. The portal's page on top of it: {@code portal.FirstAdministratorJourneyIT}.
 */
@Tag("end-to-end")
class FirstAdministratorSetupLinkIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PASSWORD = "first administrator e2e passphrase";

    @Test
    void theBannersLinkIsAcceptedExactlyOnceThroughTheGateway() throws Exception {
        try (RunningPlatform fresh = RunningPlatform.startWithoutAdministrator()) {
            URI link = fresh.firstAdministratorSetupLink()
                    .orElseThrow(() -> new AssertionError("the banner printed no set-up link"));
            assertThat(link.toString()).startsWith(fresh.gatewayUrl() + "/setup?token=");
            String token = URLDecoder.decode(link.getRawQuery().substring("token=".length()), StandardCharsets.UTF_8);
            assertThat(token).matches("[A-Za-z0-9_-]{43}");
            assertThat(logFilesMentioning(fresh.dataDirectory().resolve("logs"), token)).as("log files naming the token").isEmpty();

            String gateway = fresh.gatewayUrl();
            HttpResponse<String> open = get(gateway + "/api/identity/first-administrator/setup");
            assertThat(open.statusCode()).as(open.body()).isEqualTo(200);
            assertThat(Json.parse(open.body()).path("open").asBoolean()).isTrue();
            assertThat(Instant.parse(Json.parse(open.body()).path("expiresAt").asString())).isAfter(Instant.now());

            assertProblem(create(gateway, "not-the-token", "nobody@e2e.example.jp"), 404);
            assertProblem(create(gateway, token, "not an address"), 400);

            List<CompletableFuture<HttpResponse<String>>> racers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String email = "first-admin-" + i + "@e2e.example.jp";
                racers.add(CompletableFuture.supplyAsync(() -> create(gateway, token, email)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (var racer : racers) {
                statuses.add(racer.get().statusCode());
            }
            assertThat(statuses).as("two requests at once").containsExactlyInAnyOrder(201, 410);

            assertProblem(create(gateway, token, "third@e2e.example.jp"), 410);
            assertProblem(get(gateway + "/api/identity/first-administrator/setup"), 404);
        }
    }

    private static HttpResponse<String> create(String gateway, String token, String email) {
        String body = Json.write(new java.util.LinkedHashMap<>(java.util.Map.of(
                "token", token, "email", email, "displayName", "最初の管理者", "password", PASSWORD)));
        return send(HttpRequest.newBuilder(URI.create(gateway + "/api/identity/first-administrator"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").GET().build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertProblem(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
    }

    private static List<Path> logFilesMentioning(Path logs, String text) throws IOException {
        try (Stream<Path> files = Files.walk(logs)) {
            return files.filter(Files::isRegularFile).filter(file -> {
                try {
                    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).contains(text);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
