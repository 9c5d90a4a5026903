package jp.iinj.memberregistry.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import jp.iinj.memberregistry.support.MemberRegistryIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTTP contract in {@code contracts/openapi/} is what the running service serves. After an intended API
 * change, rewrite the document with
 * {@code ./mvnw -pl services/member-registry verify -Dit.test=OpenApiContractIT -Dcontracts.updateOpenApi=true}
 * and review the diff.
 */
@MemberRegistryIntegrationTest
class OpenApiContractIT {

    private static final Path CONTRACT = Path.of(System.getProperty("basedir", "."))
            .resolve("../../contracts/openapi/member-registry.openapi.json").normalize();
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Autowired
    WebTestClient http;

    @Test
    void theServedDocumentEqualsTheContract() throws IOException {
        byte[] served = http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        ObjectNode actual = (ObjectNode) JSON.readTree(served);
        actual.remove("servers"); // the random test port

        if (Boolean.getBoolean("contracts.updateOpenApi")) {
            Files.writeString(CONTRACT, JSON.writeValueAsString(actual) + "\n", StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(CONTRACT)).as("%s exists (create it with -Dcontracts.updateOpenApi=true)", CONTRACT).isTrue();
        JsonNode contract = JSON.readTree(Files.readString(CONTRACT));
        assertThat(actual.get("openapi").asString()).startsWith("3.1");
        assertThat(actual)
                .as("the served OpenAPI document differs from %s; if the change is intended, rewrite it with "
                        + "-Dcontracts.updateOpenApi=true and review the diff", CONTRACT)
                .isEqualTo(contract);
    }
}
