package jp.iinj.testing.infrastructure;

/** Where the Kafka broker and the MongoDB of a test run come from. */
public enum Mode {

    /** Already running somewhere; their addresses are given by environment variables or system properties. */
    EXTERNAL,

    /** Testcontainers: a real Kafka and a real MongoDB in Docker. */
    CONTAINERS,

    /** In this JVM: an embedded KRaft broker and mongo-java-server, which is not a real MongoDB. */
    EMBEDDED
}
