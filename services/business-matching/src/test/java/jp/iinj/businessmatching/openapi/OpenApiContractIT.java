package jp.iinj.businessmatching.openapi;

import jp.iinj.businessmatching.support.BusinessMatchingIntegrationTest;
import jp.iinj.testing.contracts.ServedOpenApiContract;

/**
 * The HTTP contract in {@code contracts/openapi/business-matching.openapi.json} is what the running service serves, and each
 * operation is as anonymous or protected as it says. After an intended API change, rewrite the document with
 * {@code ./mvnw -pl services/business-matching verify -Dit.test=OpenApiContractIT -Dcontracts.updateOpenApi=true}
 * and review the diff.
 */
@BusinessMatchingIntegrationTest
class OpenApiContractIT extends ServedOpenApiContract {

    OpenApiContractIT() {
        super("business-matching");
    }
}
