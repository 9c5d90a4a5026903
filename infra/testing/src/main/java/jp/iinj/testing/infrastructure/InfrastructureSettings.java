package jp.iinj.testing.infrastructure;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * What the person running the tests asked for. Each setting is read from a system property first, then from an
 * environment variable; blank values count as absent.
 *
 * @param requestedMode         {@code external}, {@code containers} or {@code embedded}; {@code null} for auto
 * @param kafkaBootstrapServers the external Kafka, or {@code null}
 * @param mongoUri              the external MongoDB, or {@code null}
 */
public record InfrastructureSettings(String requestedMode, String kafkaBootstrapServers, String mongoUri) {

    public static final String MODE_PROPERTY = "iinj.test.infrastructure";
    public static final String MODE_ENV = "IINJ_TEST_INFRASTRUCTURE";
    public static final String KAFKA_PROPERTY = "iinj.test.kafka.bootstrap-servers";
    public static final String KAFKA_ENV = "IINJ_TEST_KAFKA_BOOTSTRAP_SERVERS";
    public static final String MONGODB_PROPERTY = "iinj.test.mongodb.uri";
    public static final String MONGODB_ENV = "IINJ_TEST_MONGODB_URI";

    private static final String AUTO = "auto";

    public static InfrastructureSettings fromSystem() {
        return read(System::getProperty, System::getenv);
    }

    public static InfrastructureSettings read(UnaryOperator<String> systemProperties,
            UnaryOperator<String> environment) {
        return new InfrastructureSettings(
                requestedMode(systemProperties.apply(MODE_PROPERTY), environment.apply(MODE_ENV)),
                firstGiven(systemProperties.apply(KAFKA_PROPERTY), environment.apply(KAFKA_ENV)),
                firstGiven(systemProperties.apply(MONGODB_PROPERTY), environment.apply(MONGODB_ENV)));
    }

    public boolean externalUrisGiven() {
        return kafkaBootstrapServers != null && mongoUri != null;
    }

    // The root pom passes iinj.test.infrastructure=auto to failsafe whenever nobody chose, which would hide
    // IINJ_TEST_INFRASTRUCTURE; "auto" therefore means "no preference" and lets the other source decide.
    private static String requestedMode(String systemProperty, String environment) {
        String property = normalisedMode(systemProperty);
        return property != null ? property : normalisedMode(environment);
    }

    private static String normalisedMode(String value) {
        String given = blankToNull(value);
        if (given == null) {
            return null;
        }
        String mode = given.toLowerCase(Locale.ROOT);
        return AUTO.equals(mode) ? null : mode;
    }

    private static String firstGiven(String systemProperty, String environment) {
        String property = blankToNull(systemProperty);
        return property != null ? property : blankToNull(environment);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
