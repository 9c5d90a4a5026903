package jp.iinj.localplatform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A process the platform started, its output in {@code logs/<name>.log} and its pid in {@code run/<name>.pid} for as
 * long as it may be running. The pid file lets the next start stop what a launcher killed with {@code kill -9} left.
 */
final class ChildProcess {

    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final String name;
    private final Process process;
    private final Path log;
    private final Path pidFile;

    private ChildProcess(String name, Process process, Path log, Path pidFile) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.pidFile = pidFile;
    }

    static ChildProcess start(String name, List<String> command, Path workingDirectory, DataDirectory data) {
        return start(name, command, Map.of(), workingDirectory, data);
    }

    /** @param environment added to the launcher's own; settings with secrets go here rather than on the command line, which {@code ps} shows */
    static ChildProcess start(String name, List<String> command, Map<String, String> environment,
                              Path workingDirectory, DataDirectory data) {
        Path log = data.log(name);
        try {
            if (Files.exists(log)) {
                Files.move(log, data.logs().resolve(name + ".previous.log"), StandardCopyOption.REPLACE_EXISTING);
            }
            ProcessBuilder builder = new ProcessBuilder(ignoringCtrlC(command));
            builder.environment().putAll(environment);
            Process process = builder
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(log.toFile()))
                    .start();
            Path pidFile = data.pidFile(name);
            Files.writeString(pidFile, identity(process.toHandle()), StandardCharsets.UTF_8);
            return new ChildProcess(name, process, log, pidFile);
        } catch (IOException e) {
            throw new StartupFailure("Cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Stops processes whose pid file outlived the launcher, when the pid still belongs to the same process. */
    static void stopLeftovers(DataDirectory data, PrintStream out) {
        List<ProcessHandle> leftovers = new ArrayList<>();
        try (DirectoryStream<Path> pidFiles = Files.newDirectoryStream(data.run(), "*.pid")) {
            for (Path pidFile : pidFiles) {
                String[] recorded = Files.readString(pidFile, StandardCharsets.UTF_8).trim().split(" ");
                Optional<ProcessHandle> leftover = ProcessHandle.of(Long.parseLong(recorded[0]))
                        .filter(handle -> recorded.length == 2 && identity(handle).equals(String.join(" ", recorded)));
                if (leftover.isPresent()) {
                    String name = pidFile.getFileName().toString().replaceFirst("\\.pid$", "");
                    out.println("Stopping " + name + " (pid " + recorded[0] + "), left running by an earlier launcher");
                    leftover.get().destroy();
                    leftovers.add(leftover.get());
                }
                Files.delete(pidFile);
            }
        } catch (IOException | NumberFormatException e) {
            throw new StartupFailure("Cannot check " + data.run() + " for processes left running: " + e.getMessage(), e);
        }
        Instant deadline = Instant.now().plus(STOP_GRACE);
        leftovers.forEach(leftover -> awaitExitOf(leftover, deadline));
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitCode() {
        return process.exitValue();
    }

    CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** Asks it to stop (SIGTERM), without waiting. */
    void terminate() {
        process.destroy();
    }

    /** Waits until it has stopped, killing it at the deadline. */
    void awaitExit(Instant deadline) {
        try {
            if (!process.waitFor(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(pidFile);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // a stale pid file is checked against the process's start time before it is used
        }
    }

    void stop() {
        terminate();
        awaitExit(Instant.now().plus(STOP_GRACE));
    }

    List<String> lastLogLines(int count) {
        Deque<String> lines = new ArrayDeque<>(count);
        // an InputStreamReader replaces malformed bytes where Files.newBufferedReader would fail
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(log), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (lines.size() == count) {
                    lines.removeFirst();
                }
                lines.addLast(line);
            }
        } catch (IOException e) {
            lines.addLast("(cannot read " + log + ": " + e.getMessage() + ")");
        }
        return List.copyOf(lines);
    }

    private static void awaitExitOf(ProcessHandle handle, Instant deadline) {
        try {
            try {
                handle.onExit().get(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
            } catch (TimeoutException notStoppedInTime) {
                handle.destroyForcibly();
                handle.onExit().get(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the port check that follows reports it if it still runs
        }
    }

    /**
     * Ctrl-C in a terminal interrupts the whole foreground process group at once: the broker would be gone while the
     * services still flush to it. Started with SIGINT ignored (a JVM keeps an inherited "ignore"), children leave it to
     * the launcher, which stops them in order with SIGTERM. {@code exec} keeps the pid the JVM's own.
     */
    private static List<String> ignoringCtrlC(List<String> command) {
        if (!Files.isExecutable(Path.of("/bin/sh"))) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c", "trap '' INT; exec \"$@\"", "sh"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** The pid and start time: a pid alone may have been reused by an unrelated process since. */
    private static String identity(ProcessHandle handle) {
        return handle.pid() + handle.info().startInstant().map(start -> " " + start.toEpochMilli()).orElse("");
    }
}
