package jp.iinj.testing.mongodb;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import jp.iinj.embeddedmongodb.EmbeddedMemoryBackend;

/**
 * mongo-java-server in memory on a random port of 127.0.0.1. It speaks the wire protocol well enough for CRUD,
 * indexes, {@code findAndModify}, aggregation and change streams, but has no transactions, sessions or {@code $text}.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private final MongoServer server;
    private final String connectionString;

    private EmbeddedMongoServer(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.connectionString = "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public static EmbeddedMongoServer start() {
        MongoServer server = new MongoServer(new EmbeddedMemoryBackend());
        // no oplog: nothing uses change streams, and mongo-java-server's oplog copies each inserted document while
        // a concurrent update may change it (ConcurrentModificationException under load)
        server.bind("127.0.0.1", 0);
        return new EmbeddedMongoServer(server, server.getLocalAddress());
    }

    /** Without a database, e.g. {@code mongodb://127.0.0.1:41234}. */
    public String connectionString() {
        return connectionString;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
