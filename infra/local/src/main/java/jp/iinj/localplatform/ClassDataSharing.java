package jp.iinj.localplatform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Spring Boot's class data sharing (CDS) for one service jar: the jar extracted once per build
 * ({@code java -Djarmode=tools -jar <jar> extract}), and a CDS archive of the classes a start loads, written by a
 * training run ({@code -XX:ArchiveClassesAtExit} with {@code -Dspring.context.exit=onRefresh}). A start with the
 * archive maps those classes instead of reading, parsing and verifying them: most of a service's start-up CPU.
 *
 * <p>Everything lives next to the jar, in {@code target/<name>-cds/<build>/}, where {@code <build>} is the jar's size
 * and modification time: a new build is a new directory (the older ones are deleted), {@code mvn clean} removes it,
 * and every launcher that runs this jar (the local platform, the end-to-end tier) shares it. The archive's name holds
 * the JVM options and the JVM it was made with, which must match the start that uses it.
 */
final class ClassDataSharing {

    static final String ARCHIVE_SUFFIX = ".jsa";

    private final String service;
    private final Path jar;
    private final Path buildDirectory;
    private final Path extractedJar;
    private final Path archive;

    private ClassDataSharing(String service, Path jar, Path buildDirectory, Path archive) {
        this.service = service;
        this.jar = jar;
        this.buildDirectory = buildDirectory;
        this.extractedJar = buildDirectory.resolve(service + ".jar");
        this.archive = archive;
    }

    /** Where the CDS files of this jar and these JVM options are; nothing is created yet. */
    static ClassDataSharing of(String service, Path jar, List<String> javaOpts) {
        Path cache = jar.resolveSibling(service + "-cds");
        String build;
        try {
            build = Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis();
        } catch (IOException e) {
            throw new StartupFailure("Cannot read " + jar + ": " + e.getMessage(), e);
        }
        String jvm = String.join(" ", javaOpts) + "|" + System.getProperty("java.home") + "|" + System.getProperty("java.vm.version");
        Path buildDirectory = cache.resolve(build);
        return new ClassDataSharing(service, jar, buildDirectory, buildDirectory.resolve("jvm-" + shortHash(jvm) + ARCHIVE_SUFFIX));
    }

    /**
     * Extracts the jar unless this build is extracted already: into a temporary directory renamed into place, so that
     * a launcher running next to this one (the end-to-end tier beside {@code -Pplatform}) never sees half of it.
     * Deletes the directories of earlier builds.
     */
    void extract() {
        if (Files.isRegularFile(extractedJar)) {
            return;
        }
        Path cache = buildDirectory.getParent();
        Path temporary = cache.resolve(".extract-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            Files.createDirectories(cache);
            deleteEarlierBuilds(cache);
            // a short-lived JVM: C1 and the serial collector cost it the least CPU
            List<String> command = List.of(ChildProcess.JAVA, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djarmode=tools", "-jar", jar.toString(),
                    "extract", "--destination", temporary.toString());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new StartupFailure("Extracting " + jar + " failed (" + String.join(" ", command) + ")");
            }
            try {
                Files.move(temporary, buildDirectory, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException extractedMeanwhile) {
                if (!Files.isRegularFile(extractedJar)) {
                    throw extractedMeanwhile;
                }
            }
        } catch (IOException e) {
            throw new StartupFailure("Cannot extract " + jar + " into " + buildDirectory + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupFailure("Interrupted while extracting " + jar);
        } finally {
            deleteRecursively(temporary);
        }
    }

    /** The jar to start: the extracted one, whose libraries are plain jars on the class path (CDS needs that). */
    Path extractedJar() {
        return extractedJar;
    }

    /** The archive of this build and these JVM options, when a training run has written it. */
    Optional<Path> archive() {
        return Files.isRegularFile(archive) ? Optional.of(archive) : Optional.empty();
    }

    /** A training run that failed once is not repeated for the same build (its log says why). */
    boolean trainingFailedBefore() {
        return Files.exists(failedMarker());
    }

    String service() {
        return service;
    }

    /**
     * The training run's command: the service as it starts, stopped by Spring as soon as its context is refreshed
     * (every non-lazy singleton created, nothing started: no web server, no Kafka consumer, no scheduler), the JVM
     * writing the classes it loaded to {@code temporaryArchive} at exit.
     */
    List<String> trainingCommand(List<String> javaOpts, Path temporaryArchive) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/nice"))) {
            // it runs while the platform is in use: the services come first
            command.addAll(List.of("/usr/bin/nice", "-n", "19"));
        }
        command.add(ChildProcess.JAVA);
        command.addAll(javaOpts);
        command.add("-XX:ArchiveClassesAtExit=" + temporaryArchive);
        command.add("-Dspring.context.exit=onRefresh");
        command.add("-jar");
        command.add(extractedJar.toString());
        // no port is bound before the context's lifecycle starts, and it never starts; 0 all the same
        command.add("--server.port=0");
        command.add("--iinj.local-platform=true");
        return command;
    }

    /** A temporary name in the archive's directory, so that the finished archive appears at once, whole. */
    Path temporaryArchive() {
        return buildDirectory.resolve(".training-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ARCHIVE_SUFFIX);
    }

    /** After a training run: the archive, if it wrote one, takes its place; else the build is marked as failed. */
    boolean finishTraining(Path temporaryArchive, boolean succeeded) {
        try {
            if (succeeded && Files.isRegularFile(temporaryArchive) && Files.size(temporaryArchive) > 0) {
                Files.move(temporaryArchive, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return true;
            }
            Files.deleteIfExists(temporaryArchive);
            if (succeeded) {
                Files.writeString(failedMarker(), "the training run wrote no archive\n", StandardCharsets.UTF_8);
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    void markTrainingFailed(String why) {
        try {
            Files.writeString(failedMarker(), why + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException ignored) {
            // tried again at the next start
        }
    }

    private Path failedMarker() {
        return archive.resolveSibling(archive.getFileName() + ".failed");
    }

    private void deleteEarlierBuilds(Path cache) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(cache)) {
            for (Path entry : entries) {
                if (!entry.equals(buildDirectory) && !entry.getFileName().toString().startsWith(".")) {
                    deleteRecursively(entry);
                }
            }
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // a leftover costs disk space only; the next build's extraction tries again
        }
    }

    /** 12 hex digits of SHA-256: names an archive after what it was made for. */
    static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
