package jp.iinj.embeddedmongodb;

import java.util.function.Supplier;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * mongo-java-server on disk (an H2 MVStore file) that also answers {@code hello} (see {@link HelloCommand}) and
 * looks documents up by {@code _id} in queries that pin it (see {@link IdPinnedQuery}).
 */
public final class EmbeddedH2Backend extends H2Backend {

    private static final int COMPACTION_AT_OPEN_MILLIS = 10_000;

    private final ExaminedDocuments examined = new ExaminedDocuments();

    public EmbeddedH2Backend(String fileName) {
        super(openStore(fileName));
    }

    /**
     * Without background compaction: documents are stored one per page, so every update leaves the page's old copy
     * behind, and compaction kept rewriting the live pages of half-empty chunks while scans were reading them; under
     * a 100,000-row import the scans then failed with "Chunk ... not found" and the store was unusable. The price is
     * a file a few times larger than its data while it runs, so it is compacted once when it opens, before anyone
     * reads or writes.
     */
    private static MVStore openStore(String fileName) {
        MVStore store = new MVStore.Builder().fileName(fileName).autoCompactFillRate(0).open();
        store.compactFile(COMPACTION_AT_OPEN_MILLIS);
        return store;
    }

    /** The documents each collection read to answer queries. */
    public ExaminedDocuments examinedDocuments() {
        return examined;
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        return HelloCommand.handle(command, name -> super.handleCommand(channel, databaseName, name, query));
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /**
     * An inner class on purpose: H2Database's constructor already opens the stored collections, before any field of
     * a subclass is set, but the outer backend (and so its MVStore) is reachable by then.
     */
    private final class Database extends H2Database {

        Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            // the map names H2Database itself uses, so existing data files open unchanged
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> documents = getMvStore().openMap("databases." + namespace);
            MVMap<String, Object> metadata = getMvStore().openMap("meta." + namespace);
            // read when counting: stored collections open (and are queried) inside the backend's constructor, before
            // its fields are set
            return new Collection(this, collectionName, options, documents, metadata, cursorRegistry,
                    EmbeddedH2Backend.this::examinedDocuments);
        }
    }

    private static final class Collection extends H2Collection {

        private final Supplier<ExaminedDocuments> examined;

        Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                   MVMap<Object, Document> documents, MVMap<String, Object> metadata, CursorRegistry cursors,
                   Supplier<ExaminedDocuments> examined) {
            super(database, collectionName, options, documents, metadata, cursors);
            this.examined = examined;
        }

        @Override
        protected boolean documentMatchesQuery(Document document, Document query) {
            ExaminedDocuments counter = examined.get();
            // null only while the backend's constructor reads its stored namespaces: nobody counts those
            if (counter != null) {
                counter.examined(getFullName());
            }
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
