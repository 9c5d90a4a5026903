package jp.iinj.testing.infrastructure;

import java.util.concurrent.CompletionException;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.mongodb.MongoDBContainer;

/** A real Kafka and a real MongoDB in Docker, started once per JVM. */
final class ContainersInfrastructure implements RunningInfrastructure {

    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    static final String MONGODB_IMAGE = "mongo:7.0";

    private final KafkaContainer kafka;
    private final MongoDBContainer mongoDb;

    private ContainersInfrastructure(KafkaContainer kafka, MongoDBContainer mongoDb) {
        this.kafka = kafka;
        this.mongoDb = mongoDb;
    }

    static ContainersInfrastructure start() {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        // a single-node replica set, so that change streams and transactions behave as in production
        MongoDBContainer mongoDb = new MongoDBContainer(MONGODB_IMAGE).withReplicaSet();
        ContainersInfrastructure containers = new ContainersInfrastructure(kafka, mongoDb);
        try {
            Startables.deepStart(kafka, mongoDb).join();
        }
        catch (CompletionException e) {
            containers.close();
            throw new IllegalStateException("Could not start the containers " + KAFKA_IMAGE + " and " + MONGODB_IMAGE
                    + "; without Docker, run with -Diinj.test.infrastructure=embedded", e.getCause());
        }
        return containers;
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        }
        catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String mongoConnectionString() {
        return mongoDb.getConnectionString();
    }

    @Override
    public void close() {
        kafka.stop();
        mongoDb.stop();
    }
}
