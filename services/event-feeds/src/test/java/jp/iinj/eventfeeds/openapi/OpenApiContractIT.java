package jp.iinj.eventfeeds.openapi;

import jp.iinj.eventfeeds.support.EventFeedsIntegrationTest;
import jp.iinj.testing.contracts.ServedOpenApiContract;

/**
 * The HTTP contract in {@code contracts/openapi/event-feeds.openapi.json} is what the running service serves, and
 * each operation is as anonymous or protected as it says. After an intended API change, rewrite the document with
 * {@code ./mvnw -pl services/event-feeds verify -Dit.test=OpenApiContractIT -Dcontracts.updateOpenApi=true}
 * and review the diff.
 */
@EventFeedsIntegrationTest
class OpenApiContractIT extends ServedOpenApiContract {

    OpenApiContractIT() {
        super("event-feeds");
    }
}
