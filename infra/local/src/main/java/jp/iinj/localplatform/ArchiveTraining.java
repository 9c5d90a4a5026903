package jp.iinj.localplatform;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoServer;
import jp.iinj.embeddedmongodb.EmbeddedMemoryBackend;

/**
 * Writes the class data sharing archives that are missing, after the banner, one service at a time and at the lowest
 * CPU priority, so that the first start is not slowed down and the next one is faster.
 *
 * <p>A training run creates the service's Spring context and stops: nothing is started (no web server, Kafka consumer
 * or scheduler). What the context does while it is created (identity makes sure a signing key and the portal client
 * exist) goes to a throw-away in-memory MongoDB, never to the platform's data; Kafka is given an address where
 * nothing listens; mail goes to a temporary folder. The platform's data, topics and mail stay untouched.
 */
final class ArchiveTraining {

    private static final Duration TRAINING_TIMEOUT = Duration.ofSeconds(180);

    record Job(ServiceSpec spec, ClassDataSharing cds) {
    }

    private final List<Job> jobs;
    private final BrokerArchive brokerArchive;
    private final PlatformSettings settings;
    private final DataDirectory data;
    private final PrintStream out;
    private ChildProcess running;
    private boolean cancelled;
    private final Thread thread;

    private ArchiveTraining(List<Job> jobs, BrokerArchive brokerArchive, PlatformSettings settings, DataDirectory data, PrintStream out) {
        this.jobs = jobs;
        this.brokerArchive = brokerArchive;
        this.settings = settings;
        this.data = data;
        this.out = out;
        this.thread = new Thread(this::run, "cds-training");
        thread.setDaemon(true);
    }

    /** @param brokerArchive the broker's archive to write, or {@code null} */
    static ArchiveTraining startInBackground(List<Job> jobs, BrokerArchive brokerArchive, PlatformSettings settings,
                                             DataDirectory data, PrintStream out) {
        ArchiveTraining training = new ArchiveTraining(List.copyOf(jobs), brokerArchive, settings, data, out);
        training.thread.start();
        return training;
    }

    /** Stops a training run in progress (the platform is stopping); its archive is not written. */
    void cancel() {
        ChildProcess process;
        synchronized (this) {
            cancelled = true;
            process = running;
        }
        if (process != null) {
            process.terminate();
            process.awaitExit(Instant.now().plusSeconds(5));
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized boolean isCancelled() {
        return cancelled;
    }

    private void run() {
        List<String> names = new ArrayList<>(jobs.stream().map(job -> job.spec().name()).toList());
        if (brokerArchive != null) {
            names.add(0, KafkaBrokerProcess.NAME);
        }
        out.println("  Writing class data sharing archives in the background (lowest CPU priority) for faster starts: "
                + String.join(", ", names));
        MongoServer mongo = new MongoServer(new EmbeddedMemoryBackend());
        List<String> written = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        try {
            if (brokerArchive != null) {
                if (dumpBrokerArchive()) {
                    written.add(KafkaBrokerProcess.NAME);
                } else if (!isCancelled()) {
                    failed.add(KafkaBrokerProcess.NAME);
                }
            }
            mongo.bind(new InetSocketAddress("127.0.0.1", 0));
            String mongoAddress = "127.0.0.1:" + mongo.getLocalAddress().getPort();
            String noKafka = "127.0.0.1:" + unusedPort();
            for (Job job : jobs) {
                if (isCancelled()) {
                    return;
                }
                if (train(job, mongoAddress, noKafka)) {
                    written.add(job.spec().name());
                } else if (!isCancelled()) {
                    failed.add(job.spec().name());
                }
            }
        } catch (RuntimeException | IOException e) {
            if (!isCancelled()) {
                out.println("  Class data sharing archives not written (" + e.getMessage() + "); the services run without them");
            }
            return;
        } finally {
            mongo.shutdownNow();
        }
        if (isCancelled()) {
            return;
        }
        if (!written.isEmpty()) {
            out.println("  Class data sharing archives written for " + String.join(", ", written) + ": the next start uses them");
        }
        for (String service : failed) {
            out.println("  No class data sharing archive for " + service + " (see " + data.log(trainingName(service))
                    + "); it starts without one, as fast as before");
        }
    }

    private boolean train(Job job, String mongoAddress, String noKafka) throws IOException {
        ClassDataSharing cds = job.cds();
        Path temporaryArchive = cds.temporaryArchive();
        Path workingDirectory = Files.createTempDirectory(data.run(), trainingName(job.spec().name()));
        Map<String, String> environment = ServiceProcess.environment(job.spec(), settings, data);
        environment.put("SPRING_MONGODB_URI", "mongodb://" + mongoAddress + "/" + job.spec().database());
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", noKafka);
        environment.put("IINJ_IDENTITY_MAIL_DIRECTORY", workingDirectory.resolve("mail").toString());
        boolean succeeded = false;
        try {
            ChildProcess process;
            synchronized (this) {
                if (cancelled) {
                    return false;
                }
                process = ChildProcess.start(trainingName(job.spec().name()),
                        cds.trainingCommand(settings.serviceJavaOpts(), temporaryArchive), environment, workingDirectory, data);
                running = process;
            }
            process.awaitExit(Instant.now().plus(TRAINING_TIMEOUT));
            synchronized (this) {
                running = null;
            }
            succeeded = !isCancelled() && process.exitCode() == 0;
            if (!succeeded && !isCancelled()) {
                cds.markTrainingFailed("the training run ended with exit code " + process.exitCode() + "; see " + process.log());
            }
        } catch (StartupFailure | IllegalThreadStateException e) {
            succeeded = false;
        } finally {
            deleteRecursively(workingDirectory);
        }
        return cds.finishTraining(temporaryArchive, succeeded);
    }

    /** The broker's archive from the classes it loaded while starting: no second broker, a few seconds of dumping. */
    private boolean dumpBrokerArchive() throws IOException {
        Path listCopy = Files.createTempFile(data.run(), "kafka-classlist", ".txt");
        Path temporaryArchive = brokerArchive.temporaryArchive();
        boolean succeeded = false;
        try {
            List<String> command = brokerArchive.dumpCommand(listCopy, temporaryArchive);
            if (command.isEmpty()) {
                return false;
            }
            ChildProcess process;
            synchronized (this) {
                if (cancelled) {
                    return false;
                }
                process = ChildProcess.start(trainingName(KafkaBrokerProcess.NAME), command, data.run(), data);
                running = process;
            }
            process.awaitExit(Instant.now().plus(TRAINING_TIMEOUT));
            synchronized (this) {
                running = null;
            }
            succeeded = !isCancelled() && process.exitCode() == 0;
        } catch (StartupFailure | IllegalThreadStateException e) {
            succeeded = false;
        } finally {
            Files.deleteIfExists(listCopy);
        }
        return brokerArchive.finish(temporaryArchive, succeeded);
    }

    static String trainingName(String service) {
        return service + "-cds-training";
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder under run/, deleted again at the next start's clean-up or by hand
        }
    }
}
