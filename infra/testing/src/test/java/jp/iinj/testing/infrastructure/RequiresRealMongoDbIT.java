package jp.iinj.testing.infrastructure;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

class RequiresRealMongoDbIT {

    @Test
    void runsTheTestOnARealMongoDbAndSkipsItOnTheEmbeddedOne() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(NeedsTransactions.class))
                .execute();

        if (TestInfrastructure.shared().realMongoDb()) {
            results.testEvents().assertStatistics(stats -> stats.succeeded(1).skipped(0));
        }
        else {
            results.testEvents().assertStatistics(stats -> stats.started(0));
            results.containerEvents().assertThatEvents().haveExactly(1, event(container(NeedsTransactions.class),
                    skippedWithReason(reason -> reason.contains("Needs a real MongoDB for multi-document transactions")
                            && reason.contains("mongo-java-server"))));
        }
    }

    @RequiresRealMongoDb("multi-document transactions")
    static class NeedsTransactions {

        @Test
        void runsOnlyOnARealMongoDb() {
        }
    }
}
