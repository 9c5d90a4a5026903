package jp.iinj.embeddedmongodb;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * mongo-java-server in memory that also answers {@code hello} (see {@link HelloCommand}) and looks documents up by
 * {@code _id} in queries that pin it (see {@link IdPinnedQuery}).
 */
public final class EmbeddedMemoryBackend extends MemoryBackend {

    private final ExaminedDocuments examined = new ExaminedDocuments();

    /** The documents each collection read to answer queries. */
    public ExaminedDocuments examinedDocuments() {
        return examined;
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        return HelloCommand.handle(command, name -> super.handleCommand(channel, databaseName, name, query));
    }

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getCursorRegistry(), examined);
    }

    private static final class Database extends MemoryDatabase {

        private final ExaminedDocuments examined;

        Database(String databaseName, CursorRegistry cursors, ExaminedDocuments examined) {
            super(databaseName, cursors);
            this.examined = examined;
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
            return new Collection(this, collectionName, options, cursorRegistry, examined);
        }
    }

    private static final class Collection extends MemoryCollection {

        private final ExaminedDocuments examined;

        Collection(MongoDatabase database, String collectionName, CollectionOptions options, CursorRegistry cursors,
                   ExaminedDocuments examined) {
            super(database, collectionName, options, cursors);
            this.examined = examined;
        }

        @Override
        protected boolean documentMatchesQuery(Document document, Document query) {
            examined.examined(getFullName());
            return super.documentMatchesQuery(document, query);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                             Document projection) {
            return IdPinnedQuery.answer(query, orderBy, skip, limit, batchSize, projection, getIndexes(),
                    super::queryDocuments, this::matchDocuments);
        }
    }
}
