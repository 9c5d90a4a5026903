package jp.iinj.testing.infrastructure;

/** A Kafka broker and a MongoDB that are up, whatever the mode. */
interface RunningInfrastructure extends AutoCloseable {

    String kafkaBootstrapServers();

    /** Without a database in the path. */
    String mongoConnectionString();

    @Override
    void close();
}
