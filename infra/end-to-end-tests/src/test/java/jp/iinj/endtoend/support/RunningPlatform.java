package jp.iinj.endtoend.support;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.core.ConditionTimeoutException;

/**
 * The real local platform ({@code jp.iinj.localplatform.LocalPlatform}, what {@code ./mvnw -Pplatform package}
 * runs) started once per test JVM as a child process: its own Kafka broker, embedded MongoDB and every service jar
 * as its own JVM, on free ports, with a fresh data directory under {@code target/}.
 *
 * <p>Stopped (SIGTERM, which the launcher passes on in order; then killed with its descendants) after the last test
 * by {@link PlatformExtension}, or by a JVM shutdown hook when the test JVM ends otherwise.
 */
public final class RunningPlatform implements AutoCloseable {

    public static final String ADMIN_EMAIL = "admin@e2e.example.jp";
    /** The portal's secret at identity: with it, the portal's server side gets refresh tokens. */
    public static final String PORTAL_CLIENT_SECRET = "e2e-portal-secret-" + UUID.randomUUID();

    private static final String LAUNCHER = "jp.iinj.localplatform.LocalPlatform";
    private static final String READY = "Press Ctrl-C to stop.";
    private static final Pattern SETUP_LINK = Pattern.compile("First administrator: open (\\S+)");
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(180);
    /** the launcher's own stop: services 20 s, then Kafka and MongoDB */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> SERVICES = List.of("identity", "member-registry", "business-matching", "coordination",
            "event-feeds", "portal", "gateway");
    private static final int LOG_LINES_SHOWN = 60;

    private static RunningPlatform instance;
    private static RuntimeException startupFailure;

    private final Process launcher;
    private final Path dataDirectory;
    private final Path log;
    private final Map<String, Integer> ports;
    private final Thread shutdownHook;
    private final Set<ProcessHandle> started = new LinkedHashSet<>();
    private boolean stopped;

    private RunningPlatform(Process launcher, Path dataDirectory, Path log, Map<String, Integer> ports) {
        this.launcher = launcher;
        this.dataDirectory = dataDirectory;
        this.log = log;
        this.ports = Map.copyOf(ports);
        this.shutdownHook = new Thread(this::stop, "end-to-end-platform-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** The platform of this test JVM, started at the first call; a failed start fails every later call at once. */
    public static synchronized RunningPlatform instance() {
        if (startupFailure != null) {
            throw new IllegalStateException("The platform did not start (see the first failure): " + startupFailure.getMessage(),
                    startupFailure);
        }
        if (instance == null) {
            try {
                instance = start(true);
            } catch (RuntimeException e) {
                startupFailure = e;
                throw e;
            }
        }
        return instance;
    }

    /** The front door, as the services know it too ({@code IINJ_GATEWAY_URL}, the tokens' issuer). */
    public String gatewayUrl() {
        return "http://localhost:" + ports.get("gateway");
    }

    /**
     * The platform's Kafka broker, as the services reach it (the launcher advertises {@code localhost:<port>}): for
     * reading what the platform publishes, as a consumer of its public topics would.
     */
    public String kafkaBootstrapServers() {
        return "localhost:" + ports.get("kafka");
    }

    /**
     * Every port the platform listens on, by what listens there: {@code kafka}, {@code kafka.controller},
     * {@code mongodb} and each service's name.
     */
    public Map<String, Integer> ports() {
        return ports;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** identity's local mail sender writes one file per message here. */
    public Path mailDirectory() {
        return dataDirectory.resolve("mail");
    }

    /**
     * Another platform of its own, on a fresh data directory and without the bootstrap administrator: a new user's
     * first start, whose banner prints the first administrator's set-up link. The caller closes it.
     */
    public static RunningPlatform startWithoutAdministrator() {
        return start(false);
    }

    /**
     * The first administrator's one-time set-up link the launcher's banner printed on its console (this harness
     * reads the launcher's output), if it printed one: only while no administrator exists.
     */
    public Optional<URI> firstAdministratorSetupLink() {
        try {
            Matcher link = SETUP_LINK.matcher(new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
            return link.find() ? Optional.of(URI.create(link.group(1))) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RunningPlatform start(boolean withBootstrapAdministrator) {
        Path repository = repositoryRoot();
        requireServiceJars(repository);
        Path data = freshDataDirectory();
        Path log = data.resolve("launcher-output.log");
        Map<String, Integer> ports = freePorts("kafka", "kafka.controller", "mongodb", "identity", "member-registry", "business-matching",
                "coordination", "event-feeds", "portal", "gateway");

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        command.add("-Diinj.data.dir=" + data);
        command.add("-Diinj.kafka.port=" + ports.get("kafka"));
        command.add("-Diinj.kafka.controller-port=" + ports.get("kafka.controller"));
        command.add("-Diinj.mongodb.port=" + ports.get("mongodb"));
        command.add("-Diinj.identity.port=" + ports.get("identity"));
        command.add("-Diinj.member-registry.port=" + ports.get("member-registry"));
        command.add("-Diinj.gateway.port=" + ports.get("gateway"));
        command.add("-Diinj.portal.port=" + ports.get("portal"));
        command.add("-Diinj.business-matching.port=" + ports.get("business-matching"));
        command.add("-Diinj.coordination.port=" + ports.get("coordination"));
        command.add("-Diinj.event-feeds.port=" + ports.get("event-feeds"));
        // the test JVM's classpath holds iinj-local-platform and its runtime dependencies (the broker's too)
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LAUNCHER);

        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(repository.toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(log.toFile()));
        Map<String, String> environment = builder.environment();
        // hermetic: a developer's IINJ_SERVICES, IINJ_KAFKA_BOOTSTRAP_SERVERS, SPRING_PROFILES_ACTIVE, ... stay out
        environment.keySet().removeIf(name -> name.startsWith("IINJ_") || name.startsWith("SPRING_"));
        // the launcher's environment reaches every service
        if (withBootstrapAdministrator) {
            environment.put("IINJ_IDENTITY_BOOTSTRAP_ADMIN_EMAIL", ADMIN_EMAIL);
        }
        environment.put("IINJ_IDENTITY_PORTAL_CLIENT_SECRET", PORTAL_CLIENT_SECRET);
        // a member lapses exactly when a test asks (Actors' LAPSED_MEMBER): no scheduled lapse job, and a grace period
        // of minus one day, so a member imported with today's expiry date (the earliest an import takes) is due at
        // once and the administrator's lapse check (POST /api/members/lapse-checks) lapses it; members approved
        // during the run expire in a year and stay ACTIVE
        environment.put("IINJ_MEMBERSHIP_LAPSE_JOB_ENABLED", "false");
        environment.put("IINJ_MEMBERSHIP_GRACE_PERIOD", "-P1D");
        // every test comes from 127.0.0.1: lift the per-IP registration and sign-in limits (gateway's RateLimitIT
        // tests them); the general per-principal limit stays as deployed
        for (String route : List.of("MEMBER_REGISTRATION", "IDENTITY_SIGN_IN")) {
            environment.put("IINJ_GATEWAY_RATE_LIMITS_ROUTES_" + route + "_CAPACITY", "100000");
            environment.put("IINJ_GATEWAY_RATE_LIMITS_ROUTES_" + route + "_REFILL_TOKENS", "100000");
        }

        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the local platform: " + e.getMessage(), e);
        }
        RunningPlatform platform = new RunningPlatform(process, data, log, ports);
        Instant startedAt = Instant.now();
        System.out.println("[end-to-end] starting the local platform, data and logs in " + data);
        try {
            await("the local platform's banner (" + READY + ")")
                    .atMost(STARTUP_TIMEOUT)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("The local platform exited with code " + process.exitValue()
                                    + " while starting." + platform.logTail());
                        }
                        // lenient decoding: a stray byte in the output must not end the wait
                        return new String(Files.readAllBytes(log), StandardCharsets.UTF_8).contains(READY);
                    });
        } catch (ConditionTimeoutException e) {
            platform.stop();
            throw new IllegalStateException("The local platform did not print its banner within " + STARTUP_TIMEOUT.toSeconds()
                    + " s." + platform.logTail(), e);
        } catch (RuntimeException e) {
            platform.stop();
            throw e;
        }
        platform.rememberDescendants();
        System.out.printf(Locale.ROOT, "[end-to-end] local platform up in %.1f s, front door %s%n",
                Duration.between(startedAt, Instant.now()).toMillis() / 1000.0, platform.gatewayUrl());
        return platform;
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway; stop() is idempotent
        }
    }

    /** SIGTERM to the launcher, which stops the services, then Kafka, then MongoDB; whatever is left is killed. */
    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        rememberDescendants();
        launcher.destroy();
        try {
            if (!launcher.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                System.err.println("[end-to-end] the local platform did not stop within " + STOP_TIMEOUT.toSeconds() + " s; killing it");
                launcher.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            launcher.destroyForcibly();
        }
        for (ProcessHandle child : started) {
            if (child.isAlive()) {
                System.err.println("[end-to-end] killing pid " + child.pid() + " left running by the local platform");
                child.destroyForcibly();
            }
        }
    }

    /** The launcher's children (broker, services): once the launcher is gone they are no longer its descendants. */
    private synchronized void rememberDescendants() {
        launcher.descendants().forEach(started::add);
    }

    private String logTail() {
        Deque<String> lines = new ArrayDeque<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(log), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (lines.size() == LOG_LINES_SHOWN) {
                    lines.removeFirst();
                }
                lines.addLast(line);
            }
        } catch (IOException e) {
            lines.add("(cannot read " + log + ": " + e.getMessage() + ")");
        }
        StringBuilder text = new StringBuilder(" Last lines of ").append(log)
                .append(" (services' own logs in ").append(dataDirectory.resolve("logs")).append("):");
        lines.forEach(line -> text.append(System.lineSeparator()).append("  | ").append(line));
        return text.toString();
    }

    /** Walks up from the working directory (failsafe runs in the module's directory) to the one with services/ and pom.xml. */
    static Path repositoryRoot() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        for (Path candidate = start; candidate != null; candidate = candidate.getParent()) {
            if (Files.isDirectory(candidate.resolve("services")) && Files.isRegularFile(candidate.resolve("pom.xml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("No repository root (a directory with services/ and pom.xml) above " + start);
    }

    private static void requireServiceJars(Path repository) {
        List<String> missing = SERVICES.stream()
                .map(service -> repository.resolve("services").resolve(service).resolve("target").resolve(service + ".jar"))
                .filter(jar -> !Files.isRegularFile(jar))
                .map(Path::toString)
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The end-to-end tests start the services' jars, and " + String.join(", ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " missing. Build the services first: ./mvnw -DskipTests package"
                    + " (from the repository root), or run the whole build (./mvnw verify).");
        }
    }

    private static Path freshDataDirectory() {
        try {
            Path target = Path.of(System.getProperty("user.dir"), "target");
            Path parent = Files.isDirectory(target) ? target : Path.of(System.getProperty("java.io.tmpdir"));
            return Files.createTempDirectory(parent.toAbsolutePath(), "e2e-platform-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Distinct free ports: every socket stays open until all are chosen. */
    private static Map<String, Integer> freePorts(String... users) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (String user : users) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                ports.put(user, socket.getLocalPort());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the port is free again either way
                }
            }
        }
        return ports;
    }
}
