package jp.iinj.localplatform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What to start and where. Each setting is a system property such as {@code iinj.kafka.port} or the environment
 * variable named after it ({@code IINJ_KAFKA_PORT}); the system property wins, and blank values count as absent
 * (the Maven profile forwards every property, blank when nobody set it).
 */
record PlatformSettings(
        Path dataDir,
        List<ServiceSpec> allServices,
        List<ServiceSpec> services,
        List<String> serviceJavaOpts,
        boolean cds,
        int kafkaPort,
        int kafkaControllerPort,
        Optional<String> externalKafka,
        Map<String, String> externalKafkaSecurity,
        int mongoPort,
        Optional<MongoUri> externalMongo,
        Optional<Path> identityKeyEncryptionKeyFile,
        boolean identityKeyEncryptionKeyInline,
        boolean portalClientSecretGiven,
        java.time.Duration firstAdministratorSetupValidity) {

    static final String NO_SERVICES = "none";
    static final String IDENTITY_KEY_ENCRYPTION_KEY = "iinj.identity.key-encryption-key";
    static final String IDENTITY_KEY_ENCRYPTION_KEY_FILE = "iinj.identity.key-encryption-key-file";
    /** how long the first administrator's set-up link in the banner works */
    static final String FIRST_ADMINISTRATOR_SETUP_MINUTES = "iinj.first-administrator.setup-minutes";
    static final List<String> DEFAULT_SERVICE_JAVA_OPTS =
            List.of("-Xms128m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");

    static PlatformSettings fromSystem() {
        return read(System.getenv(), System.getProperties());
    }

    static PlatformSettings read(Map<String, String> environment, Properties systemProperties) {
        Source source = new Source(environment, systemProperties);
        List<ServiceSpec> allServices = ServiceSpec.ALL.stream()
                .map(spec -> spec.withPort(source.port(spec.portProperty(), spec.port())))
                .toList();
        PlatformSettings settings = new PlatformSettings(
                source.get("iinj.data.dir")
                        .map(Path::of)
                        .orElseGet(() -> Path.of(systemProperties.getProperty("user.home"), ".iinj", "local-platform"))
                        .toAbsolutePath()
                        .normalize(),
                allServices,
                selectedServices(source, allServices),
                source.get("iinj.service.java-opts").map(opts -> List.of(opts.split("\\s+"))).orElse(DEFAULT_SERVICE_JAVA_OPTS),
                source.onOff("iinj.cds", true),
                source.port("iinj.kafka.port", 19092),
                source.port("iinj.kafka.controller-port", 19093),
                source.get("iinj.kafka.bootstrap-servers"),
                KafkaClientSecurity.fromEnvironment(environment),
                source.port("iinj.mongodb.port", 27117),
                source.get("iinj.mongodb.uri").map(MongoUri::new),
                source.get(IDENTITY_KEY_ENCRYPTION_KEY_FILE).map(Path::of),
                // the key itself only from the environment (a system property shows in ps), inherited by identity
                Source.nonBlank(environment.get(Source.environmentName(IDENTITY_KEY_ENCRYPTION_KEY))).isPresent(),
                // given to the launcher, it is inherited by identity and the portal; otherwise the launcher makes one
                Source.nonBlank(environment.get(ServiceProcess.PORTAL_CLIENT_SECRET_VARIABLE)).isPresent(),
                java.time.Duration.ofMinutes(source.minutes(FIRST_ADMINISTRATOR_SETUP_MINUTES, 60)));
        settings.requireDistinctPorts();
        return settings;
    }

    boolean embeddedKafka() {
        return externalKafka.isEmpty();
    }

    boolean embeddedMongo() {
        return externalMongo.isEmpty();
    }

    String kafkaBootstrapServers() {
        return externalKafka.orElse("localhost:" + kafkaPort);
    }

    String mongoUri(String database) {
        return externalMongo.map(uri -> uri.withDatabase(database))
                .orElse("mongodb://127.0.0.1:" + mongoPort + "/" + database);
    }

    String mongoUriForDisplay() {
        return externalMongo.map(uri -> uri.value().replaceFirst("://([^:@/]*):[^@/]*@", "://$1:****@"))
                .orElse("mongodb://localhost:" + mongoPort);
    }

    /**
     * @param allServices where every service listens, started or not (a service started alone still finds the
     *                    others at their usual addresses)
     */
    private static List<ServiceSpec> selectedServices(Source source, List<ServiceSpec> withPorts) {
        Optional<String> selection = source.get("iinj.services");
        if (selection.isEmpty()) {
            return withPorts;
        }
        if (selection.get().equalsIgnoreCase(NO_SERVICES)) {
            return List.of();
        }
        List<String> known = withPorts.stream().map(ServiceSpec::name).toList();
        List<String> names = Arrays.stream(selection.get().split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList();
        for (String name : names) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException(Source.describe("iinj.services") + ": unknown service '" + name
                        + "'; known: " + String.join(", ", known) + ", or '" + NO_SERVICES + "'");
            }
        }
        // the catalogue's order, whatever order they were named in
        return withPorts.stream().filter(spec -> names.contains(spec.name())).toList();
    }

    /** The ports the platform itself listens on: the embedded infrastructure's and the services'. */
    List<PortUse> ownPorts() {
        List<PortUse> ports = new ArrayList<>();
        if (embeddedKafka()) {
            ports.add(new PortUse(kafkaPort, "the Kafka broker", "iinj.kafka.port"));
            ports.add(new PortUse(kafkaControllerPort, "the Kafka controller", "iinj.kafka.controller-port"));
        }
        if (embeddedMongo()) {
            ports.add(new PortUse(mongoPort, "MongoDB", "iinj.mongodb.port"));
        }
        services.forEach(service -> ports.add(new PortUse(service.port(), service.name(), service.portProperty())));
        return ports;
    }

    /** @param setting the system property that moves it; the environment variable is named after it */
    record PortUse(int port, String user, String setting) {

        String settingNames() {
            return Source.describe(setting);
        }
    }

    private void requireDistinctPorts() {
        Map<Integer, PortUse> claimed = new HashMap<>();
        for (PortUse use : ownPorts()) {
            PortUse other = claimed.putIfAbsent(use.port(), use);
            if (other != null) {
                throw new IllegalArgumentException("port " + use.port() + " is set for both " + other.user() + " and " + use.user()
                        + "; move one with " + use.settingNames());
            }
        }
    }

    private record Source(Map<String, String> environment, Properties systemProperties) {

        Optional<String> get(String property) {
            return nonBlank(systemProperties.getProperty(property))
                    .or(() -> nonBlank(environment.get(environmentName(property))));
        }

        int port(String property, int defaultPort) {
            Optional<String> value = get(property);
            if (value.isEmpty()) {
                return defaultPort;
            }
            try {
                int port = Integer.parseInt(value.get());
                if (port >= 1 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException notANumber) {
                // reported below, like an out-of-range number
            }
            throw new IllegalArgumentException(describe(property) + " must be a port number (1-65535), not '" + value.get() + "'");
        }

        int minutes(String property, int defaultMinutes) {
            Optional<String> value = get(property);
            if (value.isEmpty()) {
                return defaultMinutes;
            }
            try {
                int minutes = Integer.parseInt(value.get());
                if (minutes >= 1) {
                    return minutes;
                }
            } catch (NumberFormatException notANumber) {
                // reported below, like a number below one
            }
            throw new IllegalArgumentException(describe(property) + " must be a number of minutes (1 or more), not '" + value.get() + "'");
        }

        boolean onOff(String property, boolean defaultValue) {
            Optional<String> value = get(property);
            if (value.isEmpty()) {
                return defaultValue;
            }
            return switch (value.get().toLowerCase(Locale.ROOT)) {
                case "on", "true" -> true;
                case "off", "false" -> false;
                default -> throw new IllegalArgumentException(describe(property) + " must be on or off, not '" + value.get() + "'");
            };
        }

        static String describe(String property) {
            return property + " / " + environmentName(property);
        }

        static String environmentName(String property) {
            return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        }

        static Optional<String> nonBlank(String value) {
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
        }
    }
}
