package jp.iinj.embeddedmongodb;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Lets mongo-java-server answer a query that pins {@code _id} by equality AND has further conditions (a guarded
 * write: {@code {_id: x, revision: 3}}, an outbox lease {@code {_id: x, "outboxLease.token": t}}) through its
 * {@code _id} index. Unchanged, it uses an index only when the query holds exactly that index's fields, so every
 * guarded write read the whole collection, which on the H2 backend means deserialising every document under the
 * collection's lock. The result is the same: the one document with that {@code _id}, matched against the whole query.
 */
final class IdPinnedQuery {

    private static final String ID = "_id";

    private IdPinnedQuery() {
    }

    /** What the collection's own query path would answer, for queries this class does not speed up. */
    @FunctionalInterface
    interface Scan {
        QueryResult query(Document query, Document orderBy, int skip, int limit, int batchSize, Document projection);
    }

    /** Matches the whole query against the documents at the given positions. */
    @FunctionalInterface
    interface MatchAt<P> {
        QueryResult match(Document query, Iterable<P> positions, Document orderBy, int skip, int limit, int batchSize,
                          Document projection);
    }

    static <P> QueryResult answer(Document query, Document orderBy, int skip, int limit, int batchSize,
                                  Document projection, List<Index<P>> indexes, Scan scan, MatchAt<P> matchAt) {
        Document idEquality = idEquality(query);
        if (idEquality != null) {
            for (Index<P> index : indexes) {
                if (isIdIndex(index) && index.canHandle(idEquality)) {
                    return matchAt.match(query, index.getPositions(idEquality), orderBy, skip, limit, batchSize, projection);
                }
            }
        }
        return scan.query(query, orderBy, skip, limit, batchSize, projection);
    }

    /** {@code {_id: value}} when the query has more than {@code _id} and pins it to one plain value; else null. */
    static Document idEquality(Document query) {
        if (query == null || query.size() < 2 || !query.containsKey(ID)) {
            return null;
        }
        Object value = query.get(ID);
        boolean plain = value != null
                && !(value instanceof Collection<?>)
                && !(value instanceof Pattern)
                && !BsonRegularExpression.isRegularExpression(value)
                && !(value instanceof Document document && document.keySet().stream().anyMatch(key -> key.startsWith("$")));
        return plain ? new Document(ID, value) : null;
    }

    private static boolean isIdIndex(Index<?> index) {
        return index.getKeys().size() == 1 && ID.equals(index.getKeys().get(0).getKey());
    }
}
