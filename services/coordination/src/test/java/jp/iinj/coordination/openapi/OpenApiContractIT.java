package jp.iinj.coordination.openapi;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import jp.iinj.coordination.support.CoordinationIntegrationTest;
import jp.iinj.testing.contracts.OpenApiContract;

/**
 * The HTTP contract in {@code contracts/openapi/} is what the running service serves, and each operation is as
 * anonymous or protected as it says. After an intended API change, rewrite the document with
 * {@code ./mvnw -pl services/coordination verify -Dit.test=OpenApiContractIT -Dcontracts.updateOpenApi=true}
 * and review the diff.
 */
@CoordinationIntegrationTest
class OpenApiContractIT {

    private static final OpenApiContract CONTRACT = OpenApiContract.ofService("coordination");

    @DynamicPropertySource
    static void serverUrl(DynamicPropertyRegistry properties) {
        properties.add(OpenApiContract.SERVER_URL_PROPERTY, () -> OpenApiContract.SERVER_URL);
    }

    @Autowired
    WebTestClient http;
    @LocalServerPort
    int port;

    @Test
    void theServedDocumentEqualsTheContract() {
        byte[] served = http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();

        CONTRACT.assertServedDocumentEqualsContract(served);
    }

    @Test
    void everyOperationIsAnonymousOrProtectedAsTheContractSays() {
        CONTRACT.assertSecurityEnforced("http://localhost:" + port);
    }
}
