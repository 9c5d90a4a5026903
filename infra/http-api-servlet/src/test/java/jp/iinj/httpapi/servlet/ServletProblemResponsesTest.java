package jp.iinj.httpapi.servlet;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import jp.iinj.httpapi.servlet.testapp.ServletHttpApiTest;
import jp.iinj.httpapi.servlet.testapp.TestApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The servlet stack answers as the WebFlux services do (infra/http-api's ProblemResponsesTest): the same problem
 * types, texts, headers and correlation ids.
 */
@ServletHttpApiTest
class ServletProblemResponsesTest {

    private static final String PROBLEMS = "https://iinj.jp/problems/";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void validRequestPassesTheStrictReader() {
        assertThat(post("{\"legalName\": \"Tohoku Robotics\", \"employees\": 12, \"offices\": []}").statusCode()).isEqualTo(201);
    }

    @Test
    void beanValidationFailuresListEveryField() {
        JsonNode problem = problem(post("{\"legalName\": \"\", \"employees\": -1, \"offices\": [{\"city\": \" \"}]}"),
                400, "invalid-request");
        assertThat(problem.get("instance").asString()).isEqualTo("/test/registrations");
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("legalName", "employees", "offices[0].city");
    }

    @Test
    void strictJsonNamesTheProperty() {
        JsonNode unknown = problem(post("{\"legalName\": \"A\", \"employees\": 1, \"isAdmin\": true}"), 400, "invalid-request");
        assertThat(unknown.at("/errors/0/field").asString()).isEqualTo("isAdmin");
        assertThat(unknown.at("/errors/0/message").asString()).isEqualTo("Unknown property.");
        JsonNode wrongType = problem(post("{\"legalName\": 123, \"employees\": 1}"), 400, "invalid-request");
        assertThat(wrongType.at("/errors/0/message").asString()).isEqualTo("Expected a string.");
        JsonNode missingInt = problem(post("{\"legalName\": \"A\"}"), 400, "invalid-request");
        assertThat(missingInt.at("/errors/0/message").asString()).isEqualTo("Must be present and not null.");
        problem(post("{\"legalName\": \"A\", \"legalName\": \"B\", \"employees\": 1}"), 400, "malformed-json");
        assertNoInternals(send(json("/test/registrations", "{\"legalName\": \"Tohoku")));
    }

    @Test
    void textThePolicyRefusesIsRejectedNamingEveryField() {
        JsonNode refused = problem(post("{\"legalName\": \"Bidi\\u202egnp.exe\", \"employees\": 1, "
                + "\"offices\": [{\"city\": \"\\ufeffSendai\"}]}"), 400, "invalid-request");
        assertThat(refused.get("errors").findValuesAsString("field")).containsExactly("legalName", "offices[0].city");
        assertThat(refused.at("/errors/0/message").asString())
                .isEqualTo("must not contain bidirectional formatting characters (U+202E at position 5)");
    }

    @Test
    void emptyBodyIsBadRequest() {
        assertThat(problem(post(""), 400, "invalid-request").get("detail").asString()).isEqualTo("No request body");
    }

    @Test
    void bodiesOverTheLimitArePayloadTooLargeDeclaredOrChunked() {
        String huge = "{\"legalName\": \"" + "x".repeat(5000) + "\", \"employees\": 1}";
        assertThat(problem(post(huge), 413, "payload-too-large").get("detail").asString())
                .isEqualTo("The request body exceeds the limit of 4 KB for this path.");
        problem(send(HttpRequest.newBuilder(uri("/test/registrations")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes()))).build()),
                413, "payload-too-large");
    }

    @Test
    void unsupportedContentType() {
        problem(send(HttpRequest.newBuilder(uri("/test/registrations")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("legalName=A")).build()), 415, "unsupported-media-type");
    }

    @Test
    void unknownPathAndTheErrorPathAskedForDirectly() {
        JsonNode unknown = problem(get("/test/nowhere"), 404, "not-found");
        assertThat(unknown.get("instance").asString()).isEqualTo("/test/nowhere");
        assertThat(unknown.get("detail").asString()).isEqualTo("Nothing is at this path.");
        problem(get("/error"), 404, "not-found");
    }

    @Test
    void wrongMethodNamesTheAllowedOnes() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/test/registrations")).DELETE().build());
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        assertThat(problem(response, 405, "method-not-allowed").get("detail").asString()).isEqualTo("The method is not allowed here.");
    }

    @Test
    void wrongParameterTypeNamesTheParameter() {
        assertThat(problem(get("/test/members/42"), 400, "invalid-request").at("/errors/0/field").asString()).isEqualTo("id");
        assertThat(problem(get("/test/members/" + UUID.randomUUID()), 404, "not-found").get("detail").asString()).startsWith("No member ");
    }

    @Test
    void unexpectedFailuresTellNothing() {
        JsonNode problem = problem(get("/test/boom"), 500, "internal-error");
        assertThat(problem.get("detail").asString()).contains("correlation id");
        assertNoInternals(get("/test/boom"));
        assertNoInternals(problem(get("/test/filter-failure"), 500, "internal-error").toString());
    }

    @Test
    void aSaneCorrelationIdIsKeptAnInsaneOneReplacedByAUuid() {
        HttpResponse<String> sane = send(HttpRequest.newBuilder(uri("/test/correlation")).header("X-Correlation-Id", "web-7f3a.B_2").build());
        assertThat(sane.headers().firstValue("X-Correlation-Id")).hasValue("web-7f3a.B_2");
        assertThat(sane.body()).contains("\"fromMdc\":\"web-7f3a.B_2\"");
        HttpResponse<String> insane = send(HttpRequest.newBuilder(uri("/test/nowhere")).header("X-Correlation-Id", "has space").build());
        String generated = insane.headers().firstValue("X-Correlation-Id").orElseThrow();
        assertThat(UUID.fromString(generated).toString()).isEqualTo(generated);
        assertThat(read(insane).get("correlationId").asString()).isEqualTo(generated);
    }

    @Test
    void noTokenIsUnauthorized() {
        HttpResponse<String> response = get("/test/secured/member");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(problem(response, 401, "unauthorized").get("detail").asString()).isEqualTo("An access token is required.");
    }

    @Test
    void aRefusedTokenIsUnauthorizedWithInvalidToken() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/test/secured/member"))
                .header("Authorization", "Bearer forged").build());
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        assertThat(problem(response, 401, "unauthorized").get("detail").asString()).isEqualTo("The access token is invalid or expired.");
    }

    @Test
    void aMissingRoleIsForbidden() {
        HttpRequest.Builder member = HttpRequest.newBuilder(uri("/test/secured/member"))
                .header("Authorization", "Bearer " + TestApplication.MEMBER_TOKEN);
        assertThat(send(member.build()).statusCode()).isEqualTo(200);
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/test/secured/admin"))
                .header("Authorization", "Bearer " + TestApplication.MEMBER_TOKEN).build());
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"insufficient_scope\"");
        assertThat(problem(response, 403, "forbidden").get("detail").asString()).isEqualTo("This role may not do that.");
    }

    @Test
    void requestsTheFirewallRefusesAreProblems() {
        // Spring Security's StrictHttpFirewall refuses a ';' in the path, which the container lets through
        assertThat(problem(get("/test/secured;x/admin"), 400, "invalid-request").get("detail").asString())
                .isEqualTo("The request path or headers are not allowed.");
    }

    @Test
    void bootsOwnProblemHandlerBacksOff(@Autowired ApplicationContext context) {
        // getBean by type fails if there were two
        assertThat(context.getBean(ResponseEntityExceptionHandler.class)).isInstanceOf(ProblemServletExceptionHandler.class);
    }

    private HttpResponse<String> post(String json) {
        return send(json("/test/registrations", json));
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).build());
    }

    private HttpRequest json(String path, String body) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Asserts what every problem response has in common, the correlation id in header and body included. */
    private static JsonNode problem(HttpResponse<String> response, int status, String slug) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = read(response);
        assertThat(problem.get("type").asString()).isEqualTo(PROBLEMS + slug);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("instance").asString()).isNotBlank();
        String correlationId = response.headers().firstValue("X-Correlation-Id").orElseThrow();
        assertThat(problem.get("correlationId").asString()).isEqualTo(correlationId);
        return problem;
    }

    private static JsonNode read(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static void assertNoInternals(HttpResponse<String> response) {
        assertNoInternals(response.body());
    }

    private static void assertNoInternals(String body) {
        assertThat(body).doesNotContain("secret", "Exception", "java.", "jackson", "springframework", "trace");
    }
}
