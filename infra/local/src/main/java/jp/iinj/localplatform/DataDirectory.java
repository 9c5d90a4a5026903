package jp.iinj.localplatform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where the platform keeps everything between runs; deleting it resets the platform. */
record DataDirectory(Path root) {

    static DataDirectory prepare(Path root) {
        DataDirectory data = new DataDirectory(root);
        for (Path directory : List.of(data.kafka(), data.mongoDbFile().getParent(), data.logs(), data.run(), data.mail())) {
            createDirectories(directory);
        }
        return data;
    }

    /** The broker's log.dirs: topics, the cluster metadata and meta.properties. */
    Path kafka() {
        return root.resolve("kafka");
    }

    Path mongoDbFile() {
        return root.resolve("mongodb").resolve("platform.mv");
    }

    Path logs() {
        return root.resolve("logs");
    }

    Path log(String name) {
        return logs().resolve(name + ".log");
    }

    /** The local mail sender's outbox: one text file per message (set-password links, invitations). */
    Path mail() {
        return root.resolve("mail");
    }

    /** Files that only matter while the platform runs: pid files, the lock, the broker's configuration. */
    Path run() {
        return root.resolve("run");
    }

    Path pidFile(String name) {
        return run().resolve(name + ".pid");
    }

    /** A service's working directory, so that files it writes relative to it stay with the platform's data. */
    Path workingDirectory(String service) {
        return createDirectories(root.resolve("services").resolve(service));
    }

    private static Path createDirectories(Path directory) {
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StartupFailure("Cannot create " + directory + ": " + e.getMessage(), e);
        }
    }
}
