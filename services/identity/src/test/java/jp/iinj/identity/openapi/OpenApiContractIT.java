package jp.iinj.identity.openapi;

import jp.iinj.identity.support.Api;
import jp.iinj.identity.support.IdentityIntegrationTest;
import jp.iinj.testing.contracts.OpenApiContract;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP contract in {@code contracts/openapi/identity.openapi.json} is what the running service serves, and each
 * operation is as anonymous or protected as it says. After an intended API change, rewrite the document with
 * {@code ./mvnw -pl services/identity verify -Dit.test=OpenApiContractIT -Dcontracts.updateOpenApi=true}
 * and review the diff.
 */
@IdentityIntegrationTest
class OpenApiContractIT {

    private static final OpenApiContract CONTRACT = OpenApiContract.ofService("identity");

    @DynamicPropertySource
    static void server(DynamicPropertyRegistry properties) {
        properties.add(OpenApiContract.SERVER_URL_PROPERTY, () -> OpenApiContract.SERVER_URL);
    }

    @LocalServerPort
    int port;

    @Test
    void theServedDocumentEqualsTheContract() {
        var served = new Api(port).get("/v3/api-docs", null);

        assertThat(served.statusCode()).isEqualTo(200);
        CONTRACT.assertServedDocumentEqualsContract(served.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void everyOperationIsAnonymousOrProtectedAsTheContractSays() {
        CONTRACT.assertSecurityEnforced("http://localhost:" + port);
    }
}
