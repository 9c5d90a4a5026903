package jp.iinj.testing.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.awaitility.Awaitility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft broker in this JVM whose only client listener requires SASL/SCRAM-SHA-512, as a production
 * broker with credentials does (there over TLS too, {@code SASL_SSL}). The users' SCRAM credentials are written into
 * the cluster metadata when the storage is formatted ({@code kafka-storage format --add-scram}, here
 * {@link StorageTool}), the way KRaft bootstraps them; the broker talks to itself over the same listener as its own
 * user. The controller listener stays plaintext on 127.0.0.1 (KRaft controllers do not take SCRAM).
 */
public final class SaslKafkaBroker implements AutoCloseable {

    public static final String MECHANISM = "SCRAM-SHA-512";

    private static final Logger log = LoggerFactory.getLogger(SaslKafkaBroker.class);
    private static final String LISTENER = "SASL_CLIENTS";
    private static final String BROKER_USER = "broker";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KafkaRaftServer server;
    private final Path directory;
    private final String bootstrapServers;
    private final Map<String, String> passwords;

    private SaslKafkaBroker(KafkaRaftServer server, Path directory, String bootstrapServers, Map<String, String> passwords) {
        this.server = server;
        this.directory = directory;
        this.bootstrapServers = bootstrapServers;
        this.passwords = passwords;
    }

    /** A broker on free ports with these users, each with a random password; returns once it answers them. */
    public static SaslKafkaBroker start(String... users) {
        Map<String, String> passwords = new LinkedHashMap<>();
        passwords.put(BROKER_USER, randomPassword());
        for (String user : users) {
            passwords.put(user, randomPassword());
        }
        int port = StandaloneKafkaBroker.freePort();
        int controllerPort = StandaloneKafkaBroker.freePort();
        Path directory = temporaryDirectory();
        Properties config = configuration(directory, port, controllerPort, passwords.get(BROKER_USER));
        format(directory, config, passwords);
        // a fatal error inside the broker must fail the test, not end the test JVM
        Exit.setExitProcedure((code, message) -> log.error("Kafka asked to exit ({}): {}", code, message));
        Exit.setHaltProcedure((code, message) -> log.error("Kafka asked to halt ({}): {}", code, message));
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        server.startup();
        SaslKafkaBroker broker = new SaslKafkaBroker(server, directory, "127.0.0.1:" + port, Map.copyOf(passwords));
        try {
            broker.awaitReady();
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String password(String user) {
        String password = passwords.get(user);
        if (password == null || BROKER_USER.equals(user)) {
            throw new IllegalArgumentException("no such user: " + user);
        }
        return password;
    }

    /** The {@code sasl.jaas.config} a client of this user sends (also {@code SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG}). */
    public String jaasConfig(String user) {
        return jaasConfig(user, password(user));
    }

    static String jaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** What a Kafka client needs to connect as this user: bootstrap servers, SASL_PLAINTEXT, SCRAM-SHA-512. */
    public Map<String, Object> connection(String user) {
        return connection(user, password(user));
    }

    /** The same with any password, e.g. a wrong one. */
    public Map<String, Object> connection(String user, String password) {
        return Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, MECHANISM,
                SaslConfigs.SASL_JAAS_CONFIG, jaasConfig(user, password));
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", directory, e.getMessage());
        }
    }

    private static Properties configuration(Path directory, int port, int controllerPort, String brokerPassword) {
        Properties config = new Properties();
        config.setProperty("process.roles", "broker,controller");
        config.setProperty("node.id", "1");
        config.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        config.setProperty("listeners", LISTENER + "://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        config.setProperty("advertised.listeners", LISTENER + "://127.0.0.1:" + port);
        config.setProperty("listener.security.protocol.map", LISTENER + ":SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.setProperty("controller.listener.names", "CONTROLLER");
        config.setProperty("inter.broker.listener.name", LISTENER);
        config.setProperty("sasl.enabled.mechanisms", MECHANISM);
        config.setProperty("sasl.mechanism.inter.broker.protocol", MECHANISM);
        config.setProperty("listener.name." + LISTENER.toLowerCase() + "." + MECHANISM.toLowerCase() + ".sasl.jaas.config",
                jaasConfig(BROKER_USER, brokerPassword));
        config.setProperty("log.dirs", directory.resolve("data").toString());
        config.setProperty("num.partitions", Integer.toString(StandaloneKafkaBroker.PARTITIONS_PER_TOPIC));
        config.putAll(StandaloneKafkaBroker.SINGLE_NODE_PROPERTIES);
        return config;
    }

    /** Formats the storage with every user's SCRAM credential in the bootstrap metadata. */
    private static void format(Path directory, Properties config, Map<String, String> passwords) {
        Path file = directory.resolve("server.properties");
        try (OutputStream output = Files.newOutputStream(file)) {
            config.store(output, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> arguments = new ArrayList<>(List.of("format", "-t", Uuid.randomUuid().toString(), "-c", file.toString()));
        passwords.forEach((user, password) -> {
            arguments.add("--add-scram");
            arguments.add(MECHANISM + "=[name=" + user + ",password=" + password + "]");
        });
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream printed = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exitCode = StorageTool.execute(arguments.toArray(String[]::new), printed);
        }
        if (exitCode != 0) {
            throw new IllegalStateException("Formatting the SASL broker's storage failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    private void awaitReady() {
        Map<String, Object> admin = new LinkedHashMap<>(connection(BROKER_USER, passwords.get(BROKER_USER)));
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        try (Admin client = Admin.create(admin)) {
            Awaitility.await("the SASL broker answering its users").atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions()
                    .until(() -> !client.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty());
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("iinj-sasl-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
