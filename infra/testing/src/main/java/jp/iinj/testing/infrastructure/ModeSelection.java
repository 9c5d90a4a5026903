package jp.iinj.testing.infrastructure;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/** The mode chosen for a test run and why, as a pure function of the settings and of whether Docker answers. */
public record ModeSelection(Mode mode, String reason) {

    public static ModeSelection select(InfrastructureSettings settings, BooleanSupplier dockerAvailable) {
        if (settings.requestedMode() != null) {
            return new ModeSelection(parse(settings.requestedMode()),
                    "requested by " + InfrastructureSettings.MODE_PROPERTY + " / " + InfrastructureSettings.MODE_ENV);
        }
        if (settings.externalUrisGiven()) {
            return new ModeSelection(Mode.EXTERNAL, "auto: Kafka and MongoDB URIs are given");
        }
        if (dockerAvailable.getAsBoolean()) {
            return new ModeSelection(Mode.CONTAINERS, "auto: " + missingUris(settings) + "; a Docker engine answers");
        }
        return new ModeSelection(Mode.EMBEDDED, "auto: " + missingUris(settings) + "; no Docker engine answers");
    }

    private static Mode parse(String requestedMode) {
        try {
            return Mode.valueOf(requestedMode.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(InfrastructureSettings.MODE_PROPERTY + " / "
                    + InfrastructureSettings.MODE_ENV + " must be auto or one of " + modeNames() + ", was '"
                    + requestedMode + "'", e);
        }
    }

    private static String missingUris(InfrastructureSettings settings) {
        if (settings.kafkaBootstrapServers() == null && settings.mongoUri() == null) {
            return "no external URIs";
        }
        return "external mode needs both URIs but " + (settings.kafkaBootstrapServers() == null
                ? InfrastructureSettings.KAFKA_ENV : InfrastructureSettings.MONGODB_ENV) + " is missing";
    }

    private static String modeNames() {
        return Arrays.stream(Mode.values()).map(m -> m.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
