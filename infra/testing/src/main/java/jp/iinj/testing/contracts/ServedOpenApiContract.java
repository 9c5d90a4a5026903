package jp.iinj.testing.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The two checks of every service's {@code OpenApiContractIT}: the document in {@code contracts/openapi/} is what the
 * running service serves, and each operation is as anonymous or protected as it says. A service's test extends this
 * under its own integration-test annotation, naming the service:
 *
 * <pre>{@code
 * @CoordinationIntegrationTest
 * class OpenApiContractIT extends ServedOpenApiContract {
 *     OpenApiContractIT() { super("coordination"); }
 * }
 * }</pre>
 *
 * After an intended API change, rewrite the document with
 * {@code ./mvnw -pl services/<service> verify -Dit.test=OpenApiContractIT -Dcontracts.updateOpenApi=true} and review
 * the diff.
 */
public abstract class ServedOpenApiContract {

    private final OpenApiContract contract;

    @Value("${local.server.port}")
    private int port;

    protected ServedOpenApiContract(String service) {
        this.contract = OpenApiContract.ofService(service);
    }

    /** The document names one server, whichever port the test happened to get. */
    @DynamicPropertySource
    static void serverUrl(DynamicPropertyRegistry properties) {
        properties.add(OpenApiContract.SERVER_URL_PROPERTY, () -> OpenApiContract.SERVER_URL);
    }

    @Test
    void theServedDocumentEqualsTheContract() throws IOException, InterruptedException {
        HttpResponse<byte[]> served = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, served.statusCode(), "GET /v3/api-docs");
        contract.assertServedDocumentEqualsContract(served.body());
    }

    @Test
    void everyOperationIsAnonymousOrProtectedAsTheContractSays() {
        contract.assertSecurityEnforced("http://localhost:" + port);
    }
}
