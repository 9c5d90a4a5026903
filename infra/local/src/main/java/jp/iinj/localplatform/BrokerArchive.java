package jp.iinj.localplatform;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Class data sharing for the Kafka broker, which runs from plain jars (this launcher's class path): a start without an
 * archive writes the names of the classes it loads ({@code -XX:DumpLoadedClassList}, nearly free); after the banner a
 * short {@code -Xshare:dump} turns that list into an archive, without running the broker again; later starts map it.
 *
 * <p>The archive lives in {@code infra/local/target/kafka-cds/}, named after the class path (each jar's path, size and
 * time), the JVM options and the JVM: a new Kafka version or other options make a new one.
 */
final class BrokerArchive {

    private static final int ARCHIVES_KEPT = 3;

    private final Path archive;
    private final Path classList;
    private final List<String> classPath;
    private final List<String> jvmOptions;

    private BrokerArchive(Path archive, Path classList, List<String> classPath, List<String> jvmOptions) {
        this.archive = archive;
        this.classList = classList;
        this.classPath = classPath;
        this.jvmOptions = jvmOptions;
    }

    /**
     * @param classPath the launcher's class path: its jars are the broker's; directories (the launcher's own classes,
     *                  a test's classes) are left out, as CDS cannot archive from them and the broker needs none of them
     */
    static BrokerArchive of(Path cacheDirectory, String classPath, List<String> jvmOptions, DataDirectory data) {
        List<String> jars = Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> entry.endsWith(".jar") && Files.isRegularFile(Path.of(entry)))
                .toList();
        StringBuilder key = new StringBuilder(String.join(" ", jvmOptions))
                .append('|').append(System.getProperty("java.home")).append('|').append(System.getProperty("java.vm.version"));
        for (String jar : jars) {
            try {
                key.append('|').append(jar).append(':').append(Files.size(Path.of(jar))).append(':')
                        .append(Files.getLastModifiedTime(Path.of(jar)).toMillis());
            } catch (IOException e) {
                key.append('|').append(jar);
            }
        }
        return new BrokerArchive(cacheDirectory.resolve("kafka-" + ClassDataSharing.shortHash(key.toString()) + ClassDataSharing.ARCHIVE_SUFFIX),
                data.run().resolve("kafka.classlist"), jars, jvmOptions);
    }

    String classPath() {
        return String.join(File.pathSeparator, classPath);
    }

    boolean exists() {
        return Files.isRegularFile(archive);
    }

    /** The broker's extra JVM options: the archive, or the list of classes it loads for the archive to come. */
    List<String> startOptions() {
        if (!exists()) {
            return List.of("-XX:DumpLoadedClassList=" + classList);
        }
        try {
            // its time says when it was last used: the oldest archives are the ones deleted (see finish)
            Files.setLastModifiedTime(archive, FileTime.from(Instant.now()));
            Files.deleteIfExists(classList);
        } catch (IOException ignored) {
            // only the clean-up's order depends on it
        }
        return List.of("-XX:SharedArchiveFile=" + archive);
    }

    /**
     * Writes the archive from the classes the running broker has loaded so far (its start-up); the list is copied
     * first, without a line the broker may be writing at this moment.
     *
     * @return the command to run, or an empty list when there is no list to work from
     */
    List<String> dumpCommand(Path listCopy, Path temporaryArchive) throws IOException {
        if (!Files.isRegularFile(classList)) {
            return List.of();
        }
        String list = Files.readString(classList, StandardCharsets.UTF_8);
        Files.writeString(listCopy, list.substring(0, list.lastIndexOf('\n') + 1), StandardCharsets.UTF_8);
        Files.createDirectories(archive.getParent());
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/nice"))) {
            command.addAll(List.of("/usr/bin/nice", "-n", "19"));
        }
        command.add(ChildProcess.JAVA);
        command.addAll(jvmOptions);
        command.addAll(List.of("-Xshare:dump", "-XX:SharedClassListFile=" + listCopy, "-XX:SharedArchiveFile=" + temporaryArchive,
                "-cp", classPath()));
        return command;
    }

    Path temporaryArchive() {
        return archive.resolveSibling(".dump-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ClassDataSharing.ARCHIVE_SUFFIX);
    }

    boolean finish(Path temporaryArchive, boolean succeeded) {
        try {
            if (succeeded && Files.isRegularFile(temporaryArchive) && Files.size(temporaryArchive) > 0) {
                Files.move(temporaryArchive, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                deleteLeastRecentlyUsed();
                return true;
            }
            Files.deleteIfExists(temporaryArchive);
        } catch (IOException ignored) {
            // tried again at the next start
        }
        return false;
    }

    /**
     * Each class path has its own archive (the Maven profile's, the end-to-end tier's, one per Kafka version): the
     * {@value #ARCHIVES_KEPT} used last are kept, about 60 MB each.
     */
    private void deleteLeastRecentlyUsed() throws IOException {
        List<Path> archives;
        try (Stream<Path> files = Files.list(archive.getParent())) {
            archives = files.filter(file -> file.getFileName().toString().startsWith("kafka-")
                            && file.getFileName().toString().endsWith(ClassDataSharing.ARCHIVE_SUFFIX))
                    .sorted(Comparator.comparing(BrokerArchive::lastModified).reversed())
                    .toList();
        }
        for (Path old : archives.subList(Math.min(ARCHIVES_KEPT, archives.size()), archives.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException gone) {
            return FileTime.fromMillis(0);
        }
    }
}
