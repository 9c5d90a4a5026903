package jp.iinj.localplatform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;

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

    /** Secrets the platform generated for itself, readable by this user only. */
    Path secrets() {
        return root.resolve("secrets");
    }

    /**
     * The key-encryption key of identity's signing keys (base64 of 32 random bytes), generated at the first start
     * and kept: with another key identity could not open the keys it stored.
     */
    Path identityKeyEncryptionKey() {
        return secret("identity-key-encryption-key");
    }

    /**
     * The portal's client secret at identity (base64 of 32 random bytes), generated at the first start and kept, so
     * that both get the same one: with it the portal's server side gets refresh tokens.
     */
    Path portalClientSecret() {
        return secret("portal-client-secret");
    }

    private Path secret(String name) {
        Path file = secrets().resolve(name);
        if (Files.exists(file)) {
            return file;
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            createPrivately(secrets(), true);
            createPrivately(file, false);
            Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException anotherStartWroteIt) {
            return file;
        } catch (IOException e) {
            throw new StartupFailure("Cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /** A secret's value, as a service gets it in its environment. */
    String readSecret(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new StartupFailure("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** 700 for a directory, 600 for a file, from the moment it exists (where the file system knows POSIX modes). */
    private static void createPrivately(Path path, boolean directory) throws IOException {
        boolean posix = path.getFileSystem().supportedFileAttributeViews().contains("posix");
        Set<PosixFilePermission> mode = PosixFilePermissions.fromString(directory ? "rwx------" : "rw-------");
        FileAttribute<?>[] attributes = posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)} : new FileAttribute<?>[0];
        if (directory) {
            if (!Files.isDirectory(path)) {
                Files.createDirectories(path, attributes);
            }
        } else {
            Files.createFile(path, attributes);
        }
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
