package jp.iinj.embeddedmongodb;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many documents each collection of an embedded server has read to answer queries, updates and
 * findAndModify: what a real MongoDB reports as {@code docsExamined}. Tests use it to prove that a path looks
 * documents up by index instead of reading the collection.
 */
public final class ExaminedDocuments {

    private final Map<String, LongAdder> byNamespace = new ConcurrentHashMap<>();

    void examined(String namespace) {
        byNamespace.computeIfAbsent(namespace, name -> new LongAdder()).increment();
    }

    /** Documents examined in {@code database.collection} since the server started. */
    public long count(String database, String collection) {
        LongAdder examined = byNamespace.get(database + "." + collection);
        return examined == null ? 0 : examined.sum();
    }
}
