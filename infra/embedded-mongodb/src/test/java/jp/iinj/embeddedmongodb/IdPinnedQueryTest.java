package jp.iinj.embeddedmongodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;

/** Queries that pin {@code _id} and add conditions answer exactly as MongoDB does, on both embedded backends. */
class IdPinnedQueryTest {

    @TempDir
    static Path dataDirectory;

    static Stream<Arguments> backends() {
        return Stream.of(
                Arguments.of("memory", (Supplier<MongoBackend>) EmbeddedMemoryBackend::new),
                Arguments.of("h2", (Supplier<MongoBackend>) () ->
                        new EmbeddedH2Backend(dataDirectory.resolve("pinned-" + System.nanoTime() + ".mv").toString())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void guardedReadsAndWritesMatchOnlyTheDocumentWhoseConditionsHold(String name, Supplier<MongoBackend> backend) {
        withCollection(backend.get(), members -> {
            members.insertMany(List.of(
                    new Document("_id", "a").append("revision", 3).append("outbox", List.of(new Document("eventId", "e1"))),
                    new Document("_id", "b").append("revision", 1),
                    new Document("_id", new Document("region", "kanto").append("n", 1)).append("revision", 7)));

            assertThat(members.find(Filters.and(Filters.eq("_id", "a"), Filters.eq("revision", 3))).first()).isNotNull();
            assertThat(members.find(Filters.and(Filters.eq("_id", "a"), Filters.eq("revision", 4))).first()).isNull();
            assertThat(members.find(Filters.and(Filters.eq("_id", "missing"), Filters.eq("revision", 3))).first()).isNull();
            assertThat(members.find(Filters.and(Filters.eq("_id", new Document("region", "kanto").append("n", 1)),
                    Filters.gt("revision", 5))).first()).isNotNull();
            // not an equality on _id: answered by the ordinary path, still right
            assertThat(members.countDocuments(Filters.and(Filters.in("_id", "a", "b"), Filters.gte("revision", 1)))).isEqualTo(2);
            assertThat(members.countDocuments(Filters.and(Filters.gt("_id", "a"), Filters.lt("revision", 5)))).isEqualTo(1);

            var stale = members.updateOne(Filters.and(Filters.eq("_id", "a"), Filters.eq("revision", 2)), Updates.inc("revision", 1));
            var current = members.updateOne(Filters.and(Filters.eq("_id", "a"), Filters.eq("revision", 3)), Updates.inc("revision", 1));
            assertThat(stale.getMatchedCount()).isZero();
            assertThat(current.getModifiedCount()).isOne();

            // positional update through an _id-pinned query on an array element
            members.updateOne(Filters.and(Filters.eq("_id", "a"), Filters.eq("outbox.eventId", "e1")),
                    Updates.set("outbox.$.status", "PUBLISHED"));
            Document before = members.findOneAndUpdate(Filters.and(Filters.eq("_id", "b"), Filters.exists("lease", false)),
                    Updates.set("lease", "mine"));

            assertThat(before).isNotNull();
            Document a = members.find(Filters.eq("_id", "a")).first();
            assertThat(a.getInteger("revision")).isEqualTo(4);
            assertThat(a.getList("outbox", Document.class).get(0).getString("status")).isEqualTo("PUBLISHED");
            assertThat(members.findOneAndUpdate(Filters.and(Filters.eq("_id", "b"), Filters.exists("lease", false)),
                    Updates.set("lease", "theirs"))).isNull();
        });
    }

    @Test
    void theH2BackendReopensItsFileWithTheDocumentsAndIndexesItStored() {
        String file = dataDirectory.resolve("reopened.mv").toString();
        withCollection(new EmbeddedH2Backend(file), members -> {
            members.createIndex(new Document("corporateNumber", 1), new com.mongodb.client.model.IndexOptions().unique(true));
            members.insertOne(new Document("_id", "a").append("corporateNumber", "1234567890123").append("revision", 1));
        });

        withCollection(new EmbeddedH2Backend(file), members -> {
            assertThat(members.find(Filters.and(Filters.eq("_id", "a"), Filters.eq("revision", 1))).first()).isNotNull();
            assertThat(members.listIndexes().map(index -> index.getString("name")).into(new java.util.ArrayList<>()))
                    .contains("corporateNumber_1");
        });
    }

    @Test
    void onlyAPlainEqualityOnIdNextToOtherConditionsIsPinned() {
        assertThat(IdPinnedQuery.idEquality(new de.bwaldvogel.mongo.bson.Document("_id", "a").append("revision", 3)))
                .isEqualTo(new de.bwaldvogel.mongo.bson.Document("_id", "a"));
        assertThat(IdPinnedQuery.idEquality(new de.bwaldvogel.mongo.bson.Document("_id", "a"))).isNull();
        assertThat(IdPinnedQuery.idEquality(new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$in", List.of("a"))).append("revision", 3))).isNull();
        assertThat(IdPinnedQuery.idEquality(new de.bwaldvogel.mongo.bson.Document("_id", List.of("a")).append("revision", 3))).isNull();
        assertThat(IdPinnedQuery.idEquality(new de.bwaldvogel.mongo.bson.Document("revision", 3).append("state", "A"))).isNull();
    }

    private static void withCollection(MongoBackend backend, java.util.function.Consumer<MongoCollection<Document>> use) {
        MongoServer server = new MongoServer(backend);
        var address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            use.accept(client.getDatabase("registry").getCollection("organisations"));
        } finally {
            server.shutdown();
        }
    }
}
