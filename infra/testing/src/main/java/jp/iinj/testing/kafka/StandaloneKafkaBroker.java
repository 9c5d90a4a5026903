package jp.iinj.testing.kafka;

import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.util.TestSocketUtils;

/**
 * A single-node KRaft Kafka broker in this JVM, for the shared embedded infrastructure and for tests that need a
 * broker of their own, e.g. one that starts only after the application has tried to write to it.
 */
public final class StandaloneKafkaBroker implements AutoCloseable {

    static final int PARTITIONS_PER_TOPIC = 3;

    /**
     * EmbeddedKafkaKraftBroker ignores {@code kafkaPorts(...)}: its test kit binds every listener it knows to a
     * random port. A listener of our own is bound where we say.
     */
    private static final String FIXED_PORT_LISTENER = "CLIENTS";

    // a single node cannot replicate anything (SaslKafkaBroker's too)
    static final Map<String, String> SINGLE_NODE_PROPERTIES = Map.of(
            "offsets.topic.replication.factor", "1",
            "offsets.topic.num.partitions", "1",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "share.coordinator.state.topic.replication.factor", "1",
            "share.coordinator.state.topic.min.isr", "1",
            "group.initial.rebalance.delay.ms", "0",
            "auto.create.topics.enable", "true");

    private final EmbeddedKafkaKraftBroker broker;
    private final String bootstrapServers;

    private StandaloneKafkaBroker(EmbeddedKafkaKraftBroker broker, String bootstrapServers) {
        this.broker = broker;
        this.bootstrapServers = bootstrapServers;
    }

    /** A broker on a random port. */
    public static StandaloneKafkaBroker start() {
        EmbeddedKafkaKraftBroker broker = newBroker();
        startKeepingSystemProperties(broker);
        return new StandaloneKafkaBroker(broker, broker.getBrokersAsString());
    }

    /** A broker whose clients connect to {@code 127.0.0.1:port}; the port may have been handed out long before. */
    public static StandaloneKafkaBroker startOnPort(int port) {
        EmbeddedKafkaKraftBroker broker = newBroker();
        // EXTERNAL and CONTROLLER are the test kit's own listeners, which it still binds to random ports
        broker.brokerProperty("listeners", "EXTERNAL://localhost:0,CONTROLLER://localhost:0,"
                + FIXED_PORT_LISTENER + "://127.0.0.1:" + port);
        broker.brokerProperty("listener.security.protocol.map",
                "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT," + FIXED_PORT_LISTENER + ":PLAINTEXT");
        startKeepingSystemProperties(broker);
        return new StandaloneKafkaBroker(broker, "127.0.0.1:" + port);
    }

    /** A TCP port that is free right now, to give an application a broker address before the broker exists. */
    public static int freePort() {
        return TestSocketUtils.findAvailableTcpPort();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        broker.destroy();
    }

    private static EmbeddedKafkaKraftBroker newBroker() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS_PER_TOPIC);
        broker.brokerProperties(SINGLE_NODE_PROPERTIES);
        // by default it publishes its address as the system property spring.kafka.bootstrap-servers, which would
        // override the configuration of every Spring context started later in this JVM; see below for this one
        broker.brokerListProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
        return broker;
    }

    // it always publishes its address as spring.embedded.kafka.brokers: leave that property as it was
    private static void startKeepingSystemProperties(EmbeddedKafkaKraftBroker broker) {
        String published = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
        try {
            broker.afterPropertiesSet();
        }
        catch (RuntimeException e) {
            broker.destroy();
            throw e;
        }
        finally {
            if (published == null) {
                System.clearProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
            }
            else {
                System.setProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS, published);
            }
        }
    }
}
