package jp.iinj.testing.mongodb;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import jp.iinj.embeddedmongodb.EmbeddedMemoryBackend;
import jp.iinj.embeddedmongodb.ExaminedDocuments;

/**
 * mongo-java-server in memory on a random port of 127.0.0.1. It speaks the wire protocol well enough for CRUD,
 * indexes, {@code findAndModify}, aggregation and change streams, but has no transactions, sessions or {@code $text}.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private final MongoServer server;
    private final EmbeddedMemoryBackend backend;
    private final String connectionString;

    private EmbeddedMongoServer(MongoServer server, EmbeddedMemoryBackend backend, InetSocketAddress address) {
        this.server = server;
        this.backend = backend;
        this.connectionString = "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public static EmbeddedMongoServer start() {
        EmbeddedMemoryBackend backend = new EmbeddedMemoryBackend();
        MongoServer server = new MongoServer(backend);
        // no oplog: nothing uses change streams, and mongo-java-server's oplog copies each inserted document while
        // a concurrent update may change it (ConcurrentModificationException under load)
        server.bind("127.0.0.1", 0);
        return new EmbeddedMongoServer(server, backend, server.getLocalAddress());
    }

    /** Without a database, e.g. {@code mongodb://127.0.0.1:41234}. */
    public String connectionString() {
        return connectionString;
    }

    /** The documents each collection read to answer queries: MongoDB's {@code docsExamined}. */
    public ExaminedDocuments examinedDocuments() {
        return backend.examinedDocuments();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
