package jp.iinj.localplatform;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps a second launcher off the same data directory. The operating system releases the lock when the launcher
 * dies, even by {@code kill -9}, so it never goes stale.
 */
final class PlatformLock {

    private final FileChannel channel;

    private PlatformLock(FileChannel channel) {
        this.channel = channel;
    }

    static PlatformLock acquire(DataDirectory data) {
        Path file = data.run().resolve("platform.lock");
        try {
            return acquire(file, data);
        } catch (IOException e) {
            throw new StartupFailure("Cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    private static PlatformLock acquire(Path file, DataDirectory data) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
            channel.close();
            throw new StartupFailure("Another local platform (pid " + holder + ") is running on " + data.root()
                    + ". Stop it, or give this one another IINJ_DATA_DIR.");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
        return new PlatformLock(channel);
    }

    void release() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the operating system releases it when the launcher exits anyway
        }
    }
}
