package jp.iinj.testing.infrastructure;

import java.util.Optional;

import jp.iinj.embeddedmongodb.ExaminedDocuments;

/** A Kafka broker and a MongoDB that are up, whatever the mode. */
interface RunningInfrastructure extends AutoCloseable {

    String kafkaBootstrapServers();

    /** Without a database in the path. */
    String mongoConnectionString();

    /** Only an embedded MongoDB in this JVM can say what it read; a real one has its profiler. */
    default Optional<ExaminedDocuments> examinedDocuments() {
        return Optional.empty();
    }

    @Override
    void close();
}
