package jp.iinj.testing.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

class ModeSelectionTest {

    private static final BooleanSupplier DOCKER = () -> true;
    private static final BooleanSupplier NO_DOCKER = () -> false;
    private static final BooleanSupplier DOCKER_MUST_NOT_BE_ASKED = () -> {
        throw new AssertionError("Docker was probed although the mode was already decided");
    };

    @Test
    void autoWithoutUrisAndWithoutDockerIsEmbedded() {
        ModeSelection selection = ModeSelection.select(settings(Map.of(), Map.of()), NO_DOCKER);

        assertThat(selection.mode()).isEqualTo(Mode.EMBEDDED);
        assertThat(selection.reason()).contains("auto").contains("no Docker");
    }

    @Test
    void autoWithDockerIsContainers() {
        assertThat(ModeSelection.select(settings(Map.of(), Map.of()), DOCKER).mode()).isEqualTo(Mode.CONTAINERS);
    }

    @Test
    void autoWithBothUrisIsExternalWithoutAskingDocker() {
        InfrastructureSettings settings = settings(Map.of(), Map.of(
                "IINJ_TEST_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
                "IINJ_TEST_MONGODB_URI", "mongodb://mongo:27017"));

        assertThat(ModeSelection.select(settings, DOCKER_MUST_NOT_BE_ASKED).mode()).isEqualTo(Mode.EXTERNAL);
    }

    @Test
    void autoWithOnlyOneUriIgnoresItAndSaysWhichIsMissing() {
        InfrastructureSettings settings = settings(Map.of("iinj.test.kafka.bootstrap-servers", "kafka:9092"), Map.of());

        ModeSelection selection = ModeSelection.select(settings, NO_DOCKER);

        assertThat(selection.mode()).isEqualTo(Mode.EMBEDDED);
        assertThat(selection.reason()).contains("IINJ_TEST_MONGODB_URI");
    }

    @Test
    void anEmptyOrAutoPropertyMeansAuto() {
        assertThat(ModeSelection.select(settings(Map.of("iinj.test.infrastructure", ""), Map.of()), DOCKER).mode())
                .isEqualTo(Mode.CONTAINERS);
        assertThat(ModeSelection.select(settings(Map.of("iinj.test.infrastructure", "auto"), Map.of()), NO_DOCKER)
                .mode()).isEqualTo(Mode.EMBEDDED);
    }

    @Test
    void aRequestedModeWinsOverDockerAndUris() {
        InfrastructureSettings settings = settings(Map.of("iinj.test.infrastructure", "Embedded"), Map.of(
                "IINJ_TEST_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
                "IINJ_TEST_MONGODB_URI", "mongodb://mongo:27017"));

        ModeSelection selection = ModeSelection.select(settings, DOCKER_MUST_NOT_BE_ASKED);

        assertThat(selection.mode()).isEqualTo(Mode.EMBEDDED);
        assertThat(selection.reason()).contains("requested");
    }

    @Test
    void theEnvironmentVariableChoosesTheModeWhenThePropertyIsAuto() {
        // the root pom passes -Diinj.test.infrastructure=auto to failsafe when nobody chose anything
        InfrastructureSettings settings = settings(Map.of("iinj.test.infrastructure", "auto"),
                Map.of("IINJ_TEST_INFRASTRUCTURE", "containers"));

        assertThat(ModeSelection.select(settings, NO_DOCKER).mode()).isEqualTo(Mode.CONTAINERS);
    }

    @Test
    void theSystemPropertyWinsOverTheEnvironment() {
        InfrastructureSettings settings = settings(
                Map.of("iinj.test.infrastructure", "embedded", "iinj.test.mongodb.uri", "mongodb://property"),
                Map.of("IINJ_TEST_INFRASTRUCTURE", "containers", "IINJ_TEST_MONGODB_URI", "mongodb://environment"));

        assertThat(ModeSelection.select(settings, NO_DOCKER).mode()).isEqualTo(Mode.EMBEDDED);
        assertThat(settings.mongoUri()).isEqualTo("mongodb://property");
    }

    @Test
    void anUnknownModeFailsNamingTheValidOnes() {
        InfrastructureSettings settings = settings(Map.of("iinj.test.infrastructure", "docker"), Map.of());

        assertThatThrownBy(() -> ModeSelection.select(settings, NO_DOCKER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'docker'")
                .hasMessageContaining("external, containers, embedded");
    }

    @Test
    void externalModeWithoutUrisFailsSayingWhatToSet() {
        InfrastructureSettings settings = settings(Map.of("iinj.test.infrastructure", "external"),
                Map.of("IINJ_TEST_MONGODB_URI", "mongodb://mongo:27017"));

        assertThatThrownBy(() -> ExternalInfrastructure.from(settings))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("IINJ_TEST_KAFKA_BOOTSTRAP_SERVERS")
                .hasMessageContaining("-Diinj.test.kafka.bootstrap-servers");
    }

    private static InfrastructureSettings settings(Map<String, String> systemProperties,
            Map<String, String> environment) {
        return InfrastructureSettings.read(systemProperties::get, environment::get);
    }
}
