package jp.iinj.contracts.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules every OpenAPI document in {@code openapi/} keeps, beyond what Spectral's {@code spectral:oas} checks
 * (see the README): clients are pointed at a server and told how to authenticate, and every operation says who may
 * call it and what its errors look like.
 * <ul>
 *   <li>the document names its servers and its security schemes;</li>
 *   <li>every operation declares {@code security}: requirements of declared schemes, or {@code []} for an
 *       anonymous one;</li>
 *   <li>every operation declares its error responses: at least one 4xx; 401 and 403 when it needs a token; 400 and
 *       413 when it takes a body; each error response {@code application/problem+json} with the {@code Problem}
 *       schema;</li>
 *   <li>operation ids are chosen, not numbered by a generator ({@code list_1}).</li>
 * </ul>
 * The services' conventions ({@code infra/http-api-core}, {@code openapi/}) write documents that keep them.
 */
class OpenApiDocumentsTest {

    private static final Path DOCUMENTS = Path.of(System.getProperty("basedir", ".")).resolve("openapi");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
            "trace");
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TestFactory
    Stream<DynamicTest> everyDocumentDeclaresServersSecurityAndErrors() throws IOException {
        List<Path> documents;
        try (Stream<Path> files = Files.list(DOCUMENTS)) {
            documents = files.filter(file -> file.getFileName().toString().endsWith(".openapi.json")).sorted().toList();
        }
        assertThat(documents).as("OpenAPI documents under %s", DOCUMENTS.toAbsolutePath()).hasSizeGreaterThanOrEqualTo(2);
        return documents.stream().map(document -> dynamicTest(document.getFileName().toString(),
                () -> assertThat(violations(JSON.readTree(document.toFile())))
                        .as("rules of the OpenAPI documents broken in %s", document).isEmpty()));
    }

    @Test
    void aDocumentWithoutSecurityServersOrProblemsIsRefused() {
        JsonNode document = JSON.readTree("""
                {"openapi": "3.1.0", "paths": {"/things/{id}": {
                  "get": {"operationId": "read_1", "responses": {"200": {"description": "The thing"}}},
                  "put": {"operationId": "replace", "security": [{"oauth": []}], "requestBody": {},
                          "responses": {"200": {"description": "Replaced"},
                                        "404": {"description": "No such thing",
                                                "content": {"application/json": {"schema": {}}}}}}}}}
                """);

        assertThat(violations(document)).containsExactly(
                "no servers",
                "no components.securitySchemes",
                "no components.schemas.Problem",
                "GET /things/{id}: no security (an anonymous operation says security: [])",
                "GET /things/{id}: no 4xx response",
                "GET /things/{id}: operationId 'read_1' is missing or numbered by the generator: name it "
                        + "(@Operation(operationId = ...))",
                "PUT /things/{id}: security names the undeclared scheme oauth",
                "PUT /things/{id}: no 401 response, though it needs an access token",
                "PUT /things/{id}: no 403 response, though it needs an access token",
                "PUT /things/{id}: no 400 response, though it takes a body",
                "PUT /things/{id}: no 413 response, though it takes a body",
                "PUT /things/{id}: 404 is not application/problem+json with the Problem schema alone");
    }

    static List<String> violations(JsonNode document) {
        List<String> violations = new ArrayList<>();
        if (document.path("servers").isEmpty()) {
            violations.add("no servers");
        }
        JsonNode schemes = document.path("components").path("securitySchemes");
        if (schemes.isEmpty()) {
            violations.add("no components.securitySchemes");
        }
        if (document.path("components").path("schemas").path("Problem").isMissingNode()) {
            violations.add("no components.schemas.Problem");
        }
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                if (METHODS.contains(entry.getKey())) {
                    operations++;
                    String name = entry.getKey().toUpperCase() + " " + path.getKey();
                    operationViolations(entry.getValue(), schemes).forEach(violation -> violations.add(name + ": "
                            + violation));
                }
            }
        }
        if (operations == 0) {
            violations.add("no operations");
        }
        return violations;
    }

    private static List<String> operationViolations(JsonNode operation, JsonNode schemes) {
        List<String> violations = new ArrayList<>();
        JsonNode security = operation.path("security");
        if (!security.isArray()) {
            violations.add("no security (an anonymous operation says security: [])");
        }
        for (JsonNode requirement : security) {
            if (requirement.isEmpty()) {
                violations.add("an empty security requirement {} makes the token optional: say security: [] "
                        + "for an anonymous operation");
            }
            requirement.propertyNames().stream().filter(scheme -> !schemes.has(scheme))
                    .forEach(scheme -> violations.add("security names the undeclared scheme " + scheme));
        }
        JsonNode responses = operation.path("responses");
        List<String> statuses = new ArrayList<>(responses.propertyNames());
        if (statuses.stream().noneMatch(status -> status.startsWith("4"))) {
            violations.add("no 4xx response");
        }
        if (!security.isEmpty()) {
            requireResponses(statuses, List.of("401", "403"), "it needs an access token", violations);
        }
        if (operation.has("requestBody")) {
            requireResponses(statuses, List.of("400", "413"), "it takes a body", violations);
        }
        for (String status : statuses) {
            if (!status.startsWith("4") && !status.startsWith("5")) {
                continue;
            }
            JsonNode content = responses.path(status).path("content");
            if (content.size() != 1 || !PROBLEM_REF.equals(content.path(PROBLEM_JSON).path("schema").path("$ref")
                    .asString(""))) {
                violations.add(status + " is not " + PROBLEM_JSON + " with the Problem schema alone");
            }
        }
        String operationId = operation.path("operationId").asString("");
        if (operationId.isEmpty() || operationId.matches(".*_[0-9]+")) {
            violations.add("operationId '" + operationId + "' is missing or numbered by the generator: name it "
                    + "(@Operation(operationId = ...))");
        }
        return violations;
    }

    private static void requireResponses(List<String> statuses, List<String> required, String because,
                                         List<String> violations) {
        required.stream().filter(status -> !statuses.contains(status))
                .forEach(status -> violations.add("no " + status + " response, though " + because));
    }
}
