package jp.iinj.coordination.openapi;

import jp.iinj.coordination.support.CoordinationIntegrationTest;
import jp.iinj.testing.contracts.ServedOpenApiContract;

/**
 * The HTTP contract in {@code contracts/openapi/coordination.openapi.json} is what the running service serves, and
 * each operation is as anonymous or protected as it says. After an intended API change, rewrite the document with
 * {@code ./mvnw -pl services/coordination verify -Dit.test=OpenApiContractIT -Dcontracts.updateOpenApi=true}
 * and review the diff.
 */
@CoordinationIntegrationTest
class OpenApiContractIT extends ServedOpenApiContract {

    OpenApiContractIT() {
        super("coordination");
    }
}
