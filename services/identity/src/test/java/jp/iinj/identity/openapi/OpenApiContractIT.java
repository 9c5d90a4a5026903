package jp.iinj.identity.openapi;

import jp.iinj.identity.support.IdentityIntegrationTest;
import jp.iinj.testing.contracts.ServedOpenApiContract;

/**
 * The HTTP contract in {@code contracts/openapi/identity.openapi.json} is what the running service serves, and each
 * operation is as anonymous or protected as it says. After an intended API change, rewrite the document with
 * {@code ./mvnw -pl services/identity verify -Dit.test=OpenApiContractIT -Dcontracts.updateOpenApi=true}
 * and review the diff.
 */
@IdentityIntegrationTest
class OpenApiContractIT extends ServedOpenApiContract {

    OpenApiContractIT() {
        super("identity");
    }
}
