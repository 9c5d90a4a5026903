package jp.iinj.memberregistry.openapi;

import jp.iinj.memberregistry.support.MemberRegistryIntegrationTest;
import jp.iinj.testing.contracts.ServedOpenApiContract;

/**
 * The HTTP contract in {@code contracts/openapi/member-registry.openapi.json} is what the running service serves, and each
 * operation is as anonymous or protected as it says. After an intended API change, rewrite the document with
 * {@code ./mvnw -pl services/member-registry verify -Dit.test=OpenApiContractIT -Dcontracts.updateOpenApi=true}
 * and review the diff.
 */
@MemberRegistryIntegrationTest
class OpenApiContractIT extends ServedOpenApiContract {

    OpenApiContractIT() {
        super("member-registry");
    }
}
