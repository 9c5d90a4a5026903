package jp.iinj.localplatform;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the whole platform on one machine: a Kafka broker, MongoDB and every service, each service in its own JVM.
 * Ctrl-C stops the services, then Kafka, then MongoDB; the data directory keeps everything for the next start.
 */
public final class LocalPlatform {

    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SERVICES_TIMEOUT = Duration.ofSeconds(120);

    private final PlatformSettings settings;
    private final DataDirectory data;
    private final Repository repository;
    private final PrintStream out = System.out;
    private final CountDownLatch stopped = new CountDownLatch(1);

    // written under the monitor, so that a Ctrl-C during start-up stops exactly what was started
    private PlatformLock lock;
    private KafkaBrokerProcess broker;
    private EmbeddedMongoDb mongo;
    private final List<ServiceProcess> services = new ArrayList<>();
    /** made fresh at every start; its line is in the banner only while no administrator exists */
    private final FirstAdministratorLink firstAdministrator;
    private static final String SETUP_STATE = "/api/identity/first-administrator/setup";
    private final List<ArchiveTraining.Job> missingArchives = new ArrayList<>();
    private BrokerArchive brokerArchive;
    private ArchiveTraining training;
    private boolean stopping;

    private LocalPlatform(PlatformSettings settings, DataDirectory data, Repository repository) {
        this.settings = settings;
        this.data = data;
        this.repository = repository;
        this.firstAdministrator = FirstAdministratorLink.generate(Instant.now(), settings.firstAdministratorSetupValidity());
    }

    public static void main(String[] args) throws InterruptedException {
        Instant launched = ProcessHandle.current().info().startInstant().orElseGet(Instant::now);
        LocalPlatform platform;
        try {
            PlatformSettings settings = PlatformSettings.fromSystem();
            DataDirectory data = DataDirectory.prepare(settings.dataDir());
            platform = new LocalPlatform(settings, data, Repository.locate(Path.of("")));
        } catch (IllegalArgumentException | StartupFailure e) {
            System.err.println("Cannot start the local platform: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(platform::stop, "local-platform-stop"));
        platform.stopWhenOrphaned();
        try {
            platform.start();
        } catch (RuntimeException e) {
            if (!platform.isStopping()) {
                System.err.println();
                System.err.println("The local platform did not start: " + e.getMessage());
                if (!(e instanceof StartupFailure)) {
                    e.printStackTrace();
                }
                System.exit(1);
            }
            platform.stopped.await();
            return;
        }
        platform.printBanner(launched);
        platform.watchForUnexpectedExits();
        platform.writeMissingArchives();
        platform.stopped.await();
    }

    private void start() {
        // before Kafka's and mongo-java-server's classes log anything
        System.setProperty("iinj.logs", data.logs().toString());
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "launcher-log4j2.xml");
        }
        step(() -> lock = PlatformLock.acquire(data));
        ChildProcess.stopLeftovers(data, out);
        List<Path> jars = settings.services().stream().map(this::requireJar).toList();
        requireFreePorts();

        out.println("Starting the IINJ local platform (data in " + data.root() + ")");
        if (settings.embeddedKafka()) {
            brokerArchive = settings.cds() ? BrokerArchive.of(repository.root().resolve("infra/local/target/kafka-cds"),
                    System.getProperty("java.class.path"), KafkaBrokerProcess.jvmOptions(), data) : null;
            step(() -> broker = KafkaBrokerProcess.start(settings, data, out, brokerArchive));
        }
        if (settings.embeddedMongo()) {
            step(() -> mongo = EmbeddedMongoDb.start(data.mongoDbFile(), settings.mongoPort()));
        }
        // while the broker starts: each service's jar extracted once per build (class data sharing needs plain jars)
        List<ClassDataSharing> sharing = prepareClassDataSharing(jars);
        HealthWait.kafka(settings.kafkaBootstrapServers(), settings.embeddedKafka() ? Map.of() : settings.externalKafkaSecurity(),
                KAFKA_TIMEOUT, Optional.ofNullable(broker).map(KafkaBrokerProcess::process));
        out.println("  Kafka is up at " + settings.kafkaBootstrapServers());

        // all at once: on 2 cores that reached the banner sooner than one after the other (README, "Start-up time")
        for (int i = 0; i < jars.size(); i++) {
            ServiceSpec spec = settings.services().get(i);
            Path jar = jars.get(i);
            ClassDataSharing cds = sharing.get(i);
            Map<String, String> extra = spec.name().equals(ServiceSpec.IDENTITY) ? firstAdministrator.identityEnvironment() : Map.of();
            step(() -> services.add(ServiceProcess.start(spec, jar, cds, settings, data, extra)));
            if (cds != null && cds.archive().isEmpty() && !cds.trainingFailedBefore()) {
                missingArchives.add(new ArchiveTraining.Job(spec, cds));
            }
        }
        if (!services.isEmpty()) {
            out.println("  Waiting for " + services.size() + " service(s); their logs are in " + data.logs());
        }
        HealthWait.services(services, SERVICES_TIMEOUT, out);
    }

    /**
     * One entry per service: its class data sharing, extracted (the three at once); {@code null} where it is off or
     * the extraction failed (a read-only checkout, a full disk): that service starts from its jar as built.
     */
    private List<ClassDataSharing> prepareClassDataSharing(List<Path> jars) {
        List<CompletableFuture<ClassDataSharing>> sharing = new ArrayList<>();
        for (int i = 0; i < jars.size(); i++) {
            if (!settings.cds()) {
                sharing.add(CompletableFuture.completedFuture(null));
                continue;
            }
            String name = settings.services().get(i).name();
            ClassDataSharing cds = ClassDataSharing.of(name, jars.get(i), settings.serviceJavaOpts());
            sharing.add(CompletableFuture.supplyAsync(() -> {
                cds.extract();
                return cds;
            }, task -> new Thread(task, "extract-" + name).start()).exceptionally(failure -> {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                out.println("  " + name + " starts without class data sharing: " + cause.getMessage());
                return null;
            }));
        }
        return sharing.stream().map(CompletableFuture::join).toList();
    }

    /** After the banner: archives the next start can use, for the services that started without one. */
    private synchronized void writeMissingArchives() {
        BrokerArchive missingBrokerArchive = brokerArchive != null && !brokerArchive.exists() ? brokerArchive : null;
        if (!stopping && (!missingArchives.isEmpty() || missingBrokerArchive != null)) {
            training = ArchiveTraining.startInBackground(missingArchives, missingBrokerArchive, settings, data, out);
        }
    }

    private synchronized void step(Runnable step) {
        if (stopping) {
            throw new StartupFailure("stopped while starting");
        }
        step.run();
    }

    private synchronized boolean isStopping() {
        return stopping;
    }

    private Path requireJar(ServiceSpec service) {
        Path jar = repository.jarOf(service);
        if (!Files.isRegularFile(jar)) {
            throw new StartupFailure(jar + " is missing. Build the services first (./mvnw -DskipTests package), or choose the"
                    + " services to start with -Diinj.services=<name,...> or IINJ_SERVICES (none for only Kafka and MongoDB).");
        }
        return jar;
    }

    private void requireFreePorts() {
        for (PlatformSettings.PortUse use : settings.ownPorts()) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(use.port()));
            } catch (IOException taken) {
                throw new StartupFailure("Port " + use.port() + " for " + use.user() + " is in use by another program."
                        + " Stop it, or choose another port with " + use.settingNames() + ".");
            }
        }
    }

    private void printBanner(Instant launched) {
        String line = "=".repeat(78);
        out.println();
        out.println(line);
        out.printf(Locale.ROOT, " IINJ local platform is up: %.1f s%s%n", seconds(launched), sinceBuildStarted());
        out.println();
        services.stream().filter(service -> service.name().equals(ServiceSpec.GATEWAY)).findFirst().ifPresent(gateway -> {
            out.printf(" Open %s  (the portal: register, sign in, every page)%n", gateway.url("/"));
            out.printf("      %s  (every API, in Swagger UI)%n", gateway.apiUrl());
            services.stream().filter(service -> service.name().equals(ServiceSpec.IDENTITY)).findFirst()
                    .flatMap(identity -> firstAdministrator.bannerLine(gateway.url(""), identity.uri(SETUP_STATE)))
                    .ifPresent(setupLink -> out.println(" " + setupLink));
            out.println();
        });
        for (ServiceProcess service : services) {
            out.printf("   %-20s %s%n", service.name(), service.apiUrl());
            out.printf("   %-20s %s%n", "", service.healthUrl());
        }
        out.printf("   %-20s %s%s%n", "Kafka", settings.kafkaBootstrapServers(), settings.embeddedKafka() ? "" : " (external)");
        out.printf("   %-20s %s%s%n", "MongoDB", settings.mongoUriForDisplay(),
                settings.embeddedMongo() ? " (embedded; one database per service)" : " (external; one database per service)");
        out.printf("   %-20s %s%n", "Data", data.root());
        out.printf("   %-20s %s%n", "Logs", data.logs());
        out.printf("   %-20s %s%n", "Mail (local sender)", data.mail());
        out.println();
        out.println(" Press Ctrl-C to stop.");
        out.println(line);
    }

    /** Maven passes when its build started, so that the banner can tell the time since the command was typed. */
    private static String sinceBuildStarted() {
        String buildStarted = System.getProperty("iinj.build.started", "");
        try {
            return buildStarted.isBlank() ? ""
                    : String.format(Locale.ROOT, " (%.1f s since the build started)", seconds(OffsetDateTime.parse(buildStarted).toInstant()));
        } catch (DateTimeParseException e) {
            return "";
        }
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }

    /**
     * Maven's exec goal does not stop the launcher when Maven itself is killed (an IDE's stop button, kill on its pid):
     * the launcher notices that it has a new parent and stops the platform rather than leave it running unowned.
     */
    private void stopWhenOrphaned() {
        Optional<Long> parent = ProcessHandle.current().parent().map(ProcessHandle::pid);
        Thread watch = new Thread(() -> {
            while (ProcessHandle.current().parent().map(ProcessHandle::pid).equals(parent)) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
            out.println("The process that started the platform (pid " + parent.orElse(-1L) + ") has ended.");
            System.exit(0);
        }, "parent-watch");
        watch.setDaemon(true);
        watch.start();
    }

    private void watchForUnexpectedExits() {
        if (broker != null) {
            // async: System.exit waits for the shutdown hook, which must not hold up the thread that reaps processes
            broker.process().onExit().thenRunAsync(() -> {
                if (!isStopping()) {
                    System.err.println("The Kafka broker stopped unexpectedly (exit code " + broker.process().exitCode() + "); see "
                            + broker.process().log() + ". Stopping the platform.");
                    System.exit(1);
                }
            });
        }
        for (ServiceProcess service : services) {
            service.process().onExit().thenRun(() -> {
                if (!isStopping()) {
                    System.err.println(service.name() + " stopped unexpectedly (exit code " + service.process().exitCode() + "); see "
                            + service.process().log() + ". The rest keeps running.");
                }
            });
        }
    }

    /** The shutdown hook: services first, while Kafka and MongoDB still serve their last writes. */
    private void stop() {
        List<ServiceProcess> runningServices;
        KafkaBrokerProcess runningBroker;
        EmbeddedMongoDb runningMongo;
        ArchiveTraining runningTraining;
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
            runningServices = List.copyOf(services);
            runningBroker = broker;
            runningMongo = mongo;
            runningTraining = training;
        }
        if (runningTraining != null) {
            runningTraining.cancel();
        }
        boolean started = !runningServices.isEmpty() || runningBroker != null || runningMongo != null;
        if (started) {
            out.println();
            out.println("Stopping the local platform ...");
        }
        Instant stopStarted = Instant.now();
        Instant deadline = stopStarted.plus(ChildProcess.STOP_GRACE);
        runningServices.forEach(service -> service.process().terminate());
        for (ServiceProcess service : runningServices) {
            service.process().awaitExit(deadline);
            out.printf(Locale.ROOT, "  stopped %s (%.1f s)%n", service.name(), seconds(stopStarted));
        }
        if (runningBroker != null) {
            runningBroker.process().stop();
            out.printf(Locale.ROOT, "  stopped Kafka (%.1f s)%n", seconds(stopStarted));
        }
        if (runningMongo != null) {
            runningMongo.close();
            out.printf(Locale.ROOT, "  stopped MongoDB (%.1f s)%n", seconds(stopStarted));
        }
        if (lock != null) {
            lock.release();
        }
        if (started) {
            out.println("Stopped. The data stays in " + data.root());
        }
        stopped.countDown();
    }
}
