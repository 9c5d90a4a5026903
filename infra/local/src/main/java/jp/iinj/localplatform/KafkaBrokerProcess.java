package jp.iinj.localplatform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.Uuid;

import kafka.tools.StorageTool;

/**
 * A single-node KRaft broker (broker and controller in one JVM) run from this launcher's own classpath, which holds
 * kafka_2.13 and its runtime dependencies. Its data lives in {@code <data>/kafka}, its output in {@code logs/kafka.log}.
 */
final class KafkaBrokerProcess {

    static final String NAME = "kafka";
    private static final List<String> JVM_OPTIONS = List.of("-Xms256m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    private static final String LOG_CONFIGURATION = "kafka-log4j2.xml";

    private final ChildProcess process;

    private KafkaBrokerProcess(ChildProcess process) {
        this.process = process;
    }

    /** @param archive its class data sharing, or {@code null} to run it as before: on the whole launcher class path */
    static KafkaBrokerProcess start(PlatformSettings settings, DataDirectory data, PrintStream out, BrokerArchive archive) {
        Path config = writeConfiguration(settings, data);
        formatStorageOnce(config, data, out);
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.JAVA);
        command.addAll(JVM_OPTIONS);
        if (archive == null) {
            command.add("-Dlog4j2.configurationFile=" + LOG_CONFIGURATION);
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
        } else {
            // only jars on its class path, so the logging configuration (in the launcher's classes) as a file
            command.addAll(archive.startOptions());
            command.add("-Dlog4j2.configurationFile=" + writeLogConfiguration(data));
            command.add("-cp");
            command.add(archive.classPath());
        }
        command.add("kafka.Kafka");
        command.add(config.toString());
        return new KafkaBrokerProcess(ChildProcess.start(NAME, command, data.root(), data));
    }

    static List<String> jvmOptions() {
        return JVM_OPTIONS;
    }

    private static Path writeLogConfiguration(DataDirectory data) {
        Path file = data.run().resolve(LOG_CONFIGURATION);
        try (InputStream resource = KafkaBrokerProcess.class.getResourceAsStream("/" + LOG_CONFIGURATION)) {
            if (resource == null) {
                throw new StartupFailure(LOG_CONFIGURATION + " is missing from the launcher's class path");
            }
            Files.copy(resource, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StartupFailure("Cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    ChildProcess process() {
        return process;
    }

    private static Path writeConfiguration(PlatformSettings settings, DataDirectory data) {
        Properties broker = new Properties();
        broker.setProperty("process.roles", "broker,controller");
        broker.setProperty("node.id", "1");
        broker.setProperty("controller.quorum.voters", "1@127.0.0.1:" + settings.kafkaControllerPort());
        broker.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + settings.kafkaPort() + ",CONTROLLER://127.0.0.1:" + settings.kafkaControllerPort());
        // what clients are told to connect to, so that kcat -b localhost:19092 and the services agree
        broker.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + settings.kafkaPort());
        broker.setProperty("controller.listener.names", "CONTROLLER");
        broker.setProperty("inter.broker.listener.name", "PLAINTEXT");
        broker.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        broker.setProperty("log.dirs", data.kafka().toString());
        broker.setProperty("num.partitions", "3");
        // services declare their topics; a typo must not silently create a new one
        broker.setProperty("auto.create.topics.enable", "false");
        broker.setProperty("offsets.topic.replication.factor", "1");
        broker.setProperty("transaction.state.log.replication.factor", "1");
        broker.setProperty("transaction.state.log.min.isr", "1");
        broker.setProperty("share.coordinator.state.topic.replication.factor", "1");
        broker.setProperty("share.coordinator.state.topic.min.isr", "1");
        broker.setProperty("group.initial.rebalance.delay.ms", "0");

        Path file = data.run().resolve("kafka-server.properties");
        try (OutputStream output = Files.newOutputStream(file)) {
            broker.store(output, "Written by the local platform at every start; edits are lost");
        } catch (IOException e) {
            throw new StartupFailure("Cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /** Formatting again would refuse (or, forced, lose every topic): meta.properties says it is done. */
    private static void formatStorageOnce(Path config, DataDirectory data, PrintStream out) {
        if (Files.exists(data.kafka().resolve("meta.properties"))) {
            return;
        }
        out.println("Formatting the Kafka storage in " + data.kafka() + " (first start)");
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        String clusterId = Uuid.randomUuid().toString();
        int exitCode;
        try (PrintStream printed = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exitCode = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", config.toString()}, printed);
        } catch (RuntimeException e) {
            exitCode = -1;
            output.writeBytes(String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8));
        }
        if (exitCode != 0) {
            throw new StartupFailure("Formatting the Kafka storage in " + data.kafka() + " failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }
}
