package jp.iinj.httpapi.problems;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import jp.iinj.httpapi.testapp.HttpApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

@HttpApiTest
class ProblemResponsesTest {

    private static final String PROBLEMS = "https://iinj.jp/problems/";
    private static final String OFFICES = "\"offices\": [{\"city\": \"Sendai\"}]";
    /** Valid values for the other required members (a missing int is rejected, not taken as 0). */
    private static final String REST = "\"employees\": 3, " + OFFICES;

    @Autowired
    WebTestClient client;

    @Test
    void oursIsTheOnlyResponseEntityExceptionHandler(@Autowired ApplicationContext context) {
        // spring.webflux.problemdetails.enabled=true is set: Boot's handler must have backed off
        assertThat(context.getBeansOfType(ResponseEntityExceptionHandler.class).values())
                .singleElement().isInstanceOf(ProblemExceptionHandler.class);
    }

    @Test
    void validRequestPassesTheStrictReader() {
        post("{\"legalName\": \"Tohoku Robotics\", \"corporateNumber\": \"1234567890123\", \"employees\": 12, "
                + OFFICES + ", \"active\": true, \"kind\": \"COMPANY\"}")
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.employees").isEqualTo(12);
    }

    @Test
    void beanValidationFailuresListEveryField() {
        problem(post("{\"legalName\": \"\", \"corporateNumber\": \"12\", \"employees\": -1, "
                + "\"offices\": [{\"city\": \"Sendai\"}, {\"city\": \" \"}]}"), 400, "invalid-request")
                .jsonPath("$.instance").isEqualTo("/test/registrations")
                .jsonPath("$.errors[*].field")
                .value(containsInAnyOrder("legalName", "corporateNumber", "employees", "offices[1].city"));
    }

    @Test
    void sizeLimitsAreFieldErrors() {
        problem(post("{\"legalName\": \"" + "x".repeat(41) + "\", " + REST + "}"), 400, "invalid-request")
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("legalName");
    }

    @Test
    void malformedJsonGivesNoInternals() {
        for (String malformed : new String[] {"{\"legalName\": \"Tohoku", "{\"legalName\": ,}", "{legalName: 1}", "nonsense"}) {
            assertNoInternals(problem(post(malformed), 400, "malformed-json").jsonPath("$.errors").doesNotExist());
        }
    }

    static Stream<Arguments> wrongJsonTypes() {
        return Stream.of(
                Arguments.of("{\"legalName\": {\"$gt\": \"\"}, " + REST + "}", "legalName", "Expected a string."),
                Arguments.of("{\"legalName\": [\"a\"], " + REST + "}", "legalName", "Expected a string."),
                Arguments.of("{\"legalName\": 123, " + REST + "}", "legalName", "Expected a string."),
                Arguments.of("{\"legalName\": 1.5, " + REST + "}", "legalName", "Expected a string."),
                Arguments.of("{\"legalName\": true, " + REST + "}", "legalName", "Expected a string."),
                Arguments.of("{\"legalName\": \"A\", \"employees\": \"12\", " + OFFICES + "}", "employees", "Expected an integer."),
                Arguments.of("{\"legalName\": \"A\", \"employees\": \"\", " + OFFICES + "}", "employees", "Expected an integer."),
                Arguments.of("{\"legalName\": \"A\", \"employees\": 1.5, " + OFFICES + "}", "employees", "Expected an integer."),
                Arguments.of("{\"legalName\": \"A\", \"employees\": true, " + OFFICES + "}", "employees", "Expected an integer."),
                Arguments.of("{\"legalName\": \"A\", \"employees\": null, " + OFFICES + "}", "employees", "Must be present and not null."),
                Arguments.of("{\"legalName\": \"A\", \"employees\": 99999999999, " + OFFICES + "}", "employees", "Number out of range."),
                Arguments.of("{\"legalName\": \"A\", \"active\": \"true\", " + REST + "}", "active", "Expected a boolean."),
                Arguments.of("{\"legalName\": \"A\", \"active\": 1, " + REST + "}", "active", "Expected a boolean."),
                Arguments.of("{\"legalName\": \"A\", \"kind\": \"GUILD\", " + REST + "}", "kind", "Invalid value."),
                Arguments.of("{\"legalName\": \"A\", \"employees\": 3, \"offices\": {\"city\": \"Sendai\"}}", "offices", "Expected an array."),
                Arguments.of("{\"legalName\": \"A\", \"employees\": 3, \"offices\": [{\"city\": 5}]}", "offices[0].city", "Expected a string."),
                Arguments.of("{\"legalName\": \"A\", \"employees\": 3, \"offices\": [{\"city\": \"Sendai\"}, \"Sendai\"]}", "offices[1]", "Expected an object."));
    }

    @ParameterizedTest
    @MethodSource("wrongJsonTypes")
    void wrongJsonTypesNameTheProperty(String json, String field, String message) {
        assertNoInternals(problem(post(json), 400, "invalid-request")
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.errors[0].message").isEqualTo(message));
    }

    static Stream<Arguments> unknownProperties() {
        return Stream.of(
                Arguments.of("{\"legalName\": \"A\", \"isAdmin\": true, " + REST + "}", "isAdmin"),
                Arguments.of("{\"legalName\": \"A\", \"employees\": 3, \"offices\": [{\"city\": \"Sendai\", \"zip\": \"980\"}]}",
                        "offices[0].zip"));
    }

    @ParameterizedTest
    @MethodSource("unknownProperties")
    void unknownPropertiesAreRejectedByName(String json, String field) {
        problem(post(json), 400, "invalid-request")
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.errors[0].message").isEqualTo("Unknown property.");
    }

    @Test
    void textThePolicyRefusesIsRejectedNamingEveryField() {
        problem(post("{\"legalName\": \"Bidi\\u202egnp.exe\", \"employees\": 3, "
                + "\"offices\": [{\"city\": \"Sendai\"}, {\"city\": \"\\u200bSendai\"}]}"), 400, "invalid-request")
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[0].field").isEqualTo("legalName")
                .jsonPath("$.errors[0].message")
                .isEqualTo("must not contain bidirectional formatting characters (U+202E at position 5)")
                .jsonPath("$.errors[1].field").isEqualTo("offices[1].city");
    }

    @Test
    void missingPrimitiveIsRejectedNotDefaulted() {
        problem(post("{\"legalName\": \"A\", " + OFFICES + "}"), 400, "invalid-request")
                .jsonPath("$.errors[0].field").isEqualTo("employees")
                .jsonPath("$.errors[0].message").isEqualTo("Must be present and not null.");
    }

    @Test
    void duplicateKeysAreMalformed() {
        problem(post("{\"legalName\": \"A\", \"legalName\": \"B\", " + REST + "}"), 400, "malformed-json");
    }

    @Test
    void wrongRootTypeIsInvalidWithoutFieldErrors() {
        problem(post("[]"), 400, "invalid-request").jsonPath("$.errors").doesNotExist();
    }

    @Test
    void emptyBodyIsBadRequest() {
        problem(client.post().uri("/test/registrations").contentType(MediaType.APPLICATION_JSON).exchange(),
                400, "invalid-request")
                .jsonPath("$.detail").isEqualTo("No request body");
    }

    @Test
    void bodyOverTheCodecLimitIsPayloadTooLarge() {
        problem(post("{\"legalName\": \"" + "x".repeat(5000) + "\", " + REST + "}"), 413, "payload-too-large");
    }

    @Test
    void unsupportedContentType() {
        problem(client.post().uri("/test/registrations").contentType(MediaType.TEXT_PLAIN).bodyValue("legalName=A")
                .exchange(), 415, "unsupported-media-type");
    }

    @Test
    void unknownPath() {
        problem(client.get().uri("/test/nowhere").exchange(), 404, "not-found")
                .jsonPath("$.instance").isEqualTo("/test/nowhere")
                .jsonPath("$.detail").isEqualTo("Nothing is at this path.");
    }

    @Test
    void wrongMethodNamesTheAllowedOnes() {
        client.delete().uri("/test/registrations").exchange()
                .expectHeader().valueEquals(HttpHeaders.ALLOW, "POST");
        problem(client.delete().uri("/test/registrations").exchange(), 405, "method-not-allowed");
    }

    @Test
    void notAcceptableIsStillAnsweredAsProblem() {
        problem(client.get().uri("/test/json-only").accept(MediaType.APPLICATION_XML).exchange(), 406, "not-acceptable");
    }

    @Test
    void invalidQueryParameter() {
        problem(client.get().uri("/test/search?q=toolong").exchange(), 400, "invalid-request")
                .jsonPath("$.errors[0].field").isEqualTo("q");
        problem(client.get().uri("/test/search").exchange(), 400, "invalid-request");
    }

    @Test
    void domainFieldValidation() {
        problem(post("{\"legalName\": \"A\", \"corporateNumber\": \"1000000000000\", " + REST + "}"),
                400, "invalid-request")
                .jsonPath("$.errors[0].field").isEqualTo("corporateNumber")
                .jsonPath("$.errors[0].message").isEqualTo("The check digit does not match.");
    }

    @Test
    void domainExceptions() {
        problem(client.get().uri("/test/failures/not-found").exchange(), 404, "not-found")
                .jsonPath("$.detail").isEqualTo("No member 42.")
                .jsonPath("$.errors").doesNotExist();
        problem(client.get().uri("/test/failures/conflict").exchange(), 409, "conflict");
        problem(client.get().uri("/test/failures/precondition").exchange(), 412, "precondition-failed");
    }

    @Test
    void statusWithoutAProblemTypeIsAboutBlank() {
        client.get().uri("/test/failures/teapot").exchange()
                .expectStatus().isEqualTo(418)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("about:blank")
                .jsonPath("$.title").isEqualTo("I'm a teapot")
                .jsonPath("$.detail").isEqualTo("Not a coffee pot.")
                .jsonPath("$.correlationId").exists();
    }

    @Test
    void unexpectedFailuresTellNothing() {
        assertNoInternals(problem(client.get().uri("/test/failures/boom").exchange(), 500, "internal-error")
                .jsonPath("$.detail").value(containsString("correlation id")));
        assertNoInternals(problem(client.get().uri("/test/failures/response-status-500").exchange(), 500, "internal-error"));
    }

    @Test
    void failuresOutsideTheDispatcherAreProblemsToo() {
        assertNoInternals(problem(client.get().uri("/test/filter-failure").exchange(), 500, "internal-error"));
    }

    private WebTestClient.ResponseSpec post(String json) {
        return client.post().uri("/test/registrations").contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    /** Asserts what every problem response has in common, the correlation id in header and body included. */
    private static WebTestClient.BodyContentSpec problem(WebTestClient.ResponseSpec response, int status, String slug) {
        WebTestClient.BodyContentSpec body = response
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + slug)
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.title").exists()
                .jsonPath("$.instance").exists();
        String correlationId = body.returnResult().getResponseHeaders().getFirst("X-Correlation-Id");
        assertThat(correlationId).isNotBlank();
        return body.jsonPath("$.correlationId").isEqualTo(correlationId);
    }

    private static void assertNoInternals(WebTestClient.BodyContentSpec body) {
        String json = new String(body.returnResult().getResponseBodyContent(), StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("secret", "Exception", "java.", "jackson", "`", "Registration", "trace");
    }
}
