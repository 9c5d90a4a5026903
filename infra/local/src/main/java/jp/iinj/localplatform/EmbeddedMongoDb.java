package jp.iinj.localplatform;

import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import jp.iinj.embeddedmongodb.EmbeddedH2Backend;

/**
 * mongo-java-server inside the launcher, keeping its data in one H2 MVStore file. Closing it flushes the file; after a
 * hard kill the writes of the last second or so are lost.
 */
final class EmbeddedMongoDb {

    private final MongoServer server;

    private EmbeddedMongoDb(MongoServer server) {
        this.server = server;
    }

    static EmbeddedMongoDb start(Path file, int port) {
        H2Backend backend;
        try {
            backend = new EmbeddedH2Backend(file.toString());
        } catch (RuntimeException e) {
            throw new StartupFailure("Cannot open the MongoDB data in " + file + " (" + e.getMessage()
                    + "). Deleting the file resets MongoDB.", e);
        }
        MongoServer server = new MongoServer(backend);
        // no oplog: nothing uses change streams, and mongo-java-server's oplog copies each inserted document while a
        // concurrent update may change it (ConcurrentModificationException under load, seen in the import benchmark)
        try {
            server.bind("127.0.0.1", port);
        } catch (RuntimeException e) {
            backend.close();
            throw new StartupFailure("MongoDB cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        return new EmbeddedMongoDb(server);
    }

    /** Also closes the backend, which writes what is still in memory to the file. */
    void close() {
        server.shutdownNow();
    }
}
