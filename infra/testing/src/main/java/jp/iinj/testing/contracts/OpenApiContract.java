package jp.iinj.testing.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.iinj.testing.web.Browser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's HTTP contract, {@code contracts/openapi/<service>.openapi.json}, against the running service: the
 * document it serves is the contract, and each operation is protected as the contract's {@code security} says.
 * After an intended API change, rewrite the document with
 * {@code ./mvnw -pl services/<service> verify -Dit.test=OpenApiContractIT -Dcontracts.updateOpenApi=true}
 * and review the diff. The contracts module checks the documents' own rules ({@code OpenApiDocumentsTest}).
 */
public final class OpenApiContract {

    /** The server every contract names; a service's test serves its document with this setting. */
    public static final String SERVER_URL_PROPERTY = "iinj.openapi.server-url";
    public static final String SERVER_URL = "http://localhost:8100";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final Path contract;

    private OpenApiContract(Path contract) {
        this.contract = contract;
    }

    /** The contract of the service whose module directory (Maven's {@code basedir}) the test runs in. */
    public static OpenApiContract ofService(String service) {
        return new OpenApiContract(Path.of(System.getProperty("basedir", "."))
                .resolve("../../contracts/openapi/" + service + ".openapi.json").normalize());
    }

    /** With {@code -Dcontracts.updateOpenApi=true} the served document is written to the contract first. */
    public void assertServedDocumentEqualsContract(byte[] served) {
        JsonNode actual = JSON.readTree(served);
        if (Boolean.getBoolean("contracts.updateOpenApi")) {
            write(JSON.writeValueAsString(actual) + "\n");
        }
        if (!Files.exists(contract)) {
            throw new AssertionError(contract + " does not exist (create it with -Dcontracts.updateOpenApi=true)");
        }
        JsonNode expected = JSON.readTree(read());
        if (!actual.path("openapi").asString("").startsWith("3.1")) {
            throw new AssertionError("the served document is not OpenAPI 3.1: " + actual.path("openapi"));
        }
        if (!actual.equals(expected)) {
            throw new AssertionError("the served OpenAPI document differs from " + contract + "; if the change is "
                    + "intended, rewrite it with -Dcontracts.updateOpenApi=true and review the diff");
        }
    }

    /**
     * Calls every operation of the contract without an access token (path variables filled with a placeholder,
     * an empty JSON object as the body): one that declares security must answer 401, one with {@code security: []}
     * anything else. Requests of anonymous operations must therefore be harmless when empty.
     */
    public void assertSecurityEnforced(String baseUrl) {
        JsonNode document = JSON.readTree(read());
        Browser http = new Browser();
        List<String> wrong = new ArrayList<>();
        int called = 0;
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                String method = operation.getKey().toUpperCase();
                boolean anonymous = operation.getValue().path("security").isEmpty();
                int status = call(http, baseUrl, method, path.getKey(), operation.getValue()).statusCode();
                called++;
                if (anonymous == (status == 401)) {
                    wrong.add(method + " " + path.getKey() + ": " + status + " without a token, but the contract "
                            + "says " + (anonymous ? "anonymous" : "access token required"));
                }
            }
        }
        if (called == 0 || !wrong.isEmpty()) {
            throw new AssertionError(called + " operations called; not as " + contract.getFileName() + " says:\n  "
                    + String.join("\n  ", wrong));
        }
    }

    private static HttpResponse<String> call(Browser http, String baseUrl, String method, String path,
                                             JsonNode operation) {
        URI uri = URI.create(baseUrl + path.replaceAll("\\{[^}]+}", "openapi-contract-check"));
        JsonNode content = operation.path("requestBody").path("content");
        String contentType = content.isEmpty() ? null : content.propertyNames().iterator().next();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Accept", "application/json, application/problem+json");
        if (contentType == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType)
                    .method(method, HttpRequest.BodyPublishers.ofString(contentType.contains("json") ? "{}" : ""));
        }
        return http.send(request);
    }

    private String read() {
        try {
            return Files.readString(contract);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String document) {
        try {
            Files.writeString(contract, document, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
