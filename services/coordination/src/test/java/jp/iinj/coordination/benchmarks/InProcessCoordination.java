package jp.iinj.coordination.benchmarks;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import jp.iinj.coordination.CoordinationApplication;
import jp.iinj.testing.infrastructure.TestInfrastructure;
import jp.iinj.testing.tokens.TestTokens;

/**
 * One coordination instance started in this JVM as the integration tests start it: the shared test infrastructure
 * (KRaft Kafka and the embedded MongoDB stand-in, both in this JVM, unless {@code IINJ_TEST_INFRASTRUCTURE} says
 * otherwise), a database of its own, the test tokens' issuer. For the benchmarks' main classes, which are not tests.
 */
final class InProcessCoordination {

    private InProcessCoordination() {
    }

    static ConfigurableApplicationContext start(TestInfrastructure infrastructure, String name) {
        return start(infrastructure, name, Map.of());
    }

    /** @param settings more properties, e.g. a feature switched off */
    static ConfigurableApplicationContext start(TestInfrastructure infrastructure, String name,
                                                Map<String, String> settings) {
        // before Spring configures logging, Logback's default prints the broker's every DEBUG line
        quietLogging();
        String database = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers());
        properties.put("spring.mongodb.uri", infrastructure.mongoUri(database));
        properties.put("spring.mongodb.database", database);
        TestTokens.register((property, value) -> properties.put(property, value.get()));
        // a log line per case opened would cost more than part of what is measured
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.jp.iinj.testing", "INFO");
        // the stand-in warns on every aggregation that it ignores the cursor option
        properties.put("logging.level.de.bwaldvogel", "ERROR");
        properties.putAll(settings);
        // as command-line arguments: they outrank application.yml, as the tests' dynamic properties do
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(CoordinationApplication.class).run(arguments);
    }

    /**
     * Waits until the other processes on the machine use at most {@code maxPercent} of a core (over 3 s), at most
     * {@code limit}: builds and tests of others would otherwise share the two cores with what is measured.
     *
     * @return whether it got that quiet
     */
    static boolean awaitQuietMachine(double maxPercent, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            ResourceUse before = ResourceUse.now();
            Thread.sleep(3_000);
            double others = ResourceUse.now().othersPercentSince(before);
            if (others <= maxPercent) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                log("other processes still use %.0f %% of a core; measuring anyway", others);
                return false;
            }
            log("other processes use %.0f %% of a core; waiting for at most %.0f %%", others, maxPercent);
        }
    }

    static void quietLogging() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
    }

    static void log(String format, Object... args) {
        System.out.printf("[%s] %s%n", LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS),
                String.format(format, args));
    }
}
