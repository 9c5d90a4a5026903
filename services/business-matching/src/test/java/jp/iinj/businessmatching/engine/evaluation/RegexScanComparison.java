package jp.iinj.businessmatching.engine.evaluation;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

import org.bson.Document;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import jp.iinj.businessmatching.engine.LocalizedText;
import jp.iinj.businessmatching.engine.MatchableProfile;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What matching would cost without an index: the same profiles in MongoDB, and for each new profile a
 * case-insensitive regex scan for its title's words over every profile's text (quoted, as the registry's search does),
 * every match (their ids), since ranking them needs them all. MongoDB here is the embedded wire-protocol server, whose scans run in Java: a real MongoDB
 * scans faster, but it still scans every document, since a regex that is not anchored cannot use an index.
 */
final class RegexScanComparison {

    private RegexScanComparison() {
    }

    /** @return the p50 and p99 of the scans, in milliseconds */
    static double[] measure(Iterator<MatchableProfile> profiles, List<MatchableProfile> queries) {
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            MongoCollection<Document> collection = client.getDatabase("benchmark").getCollection("profiles");
            List<Document> batch = new ArrayList<>();
            while (profiles.hasNext()) {
                MatchableProfile profile = profiles.next();
                batch.add(new Document("_id", profile.id()).append("type", profile.type().name())
                        .append("text", text(profile)));
                if (batch.size() == 1000) {
                    Mono.from(collection.insertMany(batch)).block();
                    batch = new ArrayList<>();
                }
            }
            if (!batch.isEmpty()) {
                Mono.from(collection.insertMany(batch)).block();
            }
            long[] nanos = new long[queries.size()];
            for (int i = 0; i < queries.size(); i++) {
                List<String> words = words(queries.get(i));
                long t = System.nanoTime();
                Flux.from(collection.find(Filters.or(words.stream()
                        .map(word -> Filters.regex("text", Pattern.quote(word), "i")).toList()))
                        .projection(new Document("_id", 1)))
                        .collectList().block();
                nanos[i] = System.nanoTime() - t;
            }
            Arrays.sort(nanos);
            return new double[] {nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6};
        } finally {
            server.shutdownNow();
        }
    }

    private static String text(MatchableProfile profile) {
        StringBuilder text = new StringBuilder();
        for (LocalizedText part : new LocalizedText[] {profile.title(), profile.summary(), profile.description()}) {
            if (part != null) {
                text.append(part.ja() == null ? "" : part.ja()).append(' ').append(part.en() == null ? "" : part.en())
                        .append(' ');
            }
        }
        return text.toString();
    }

    /** The title's words: split on spaces and on the common Japanese particles of the generated titles. */
    private static List<String> words(MatchableProfile profile) {
        String title = (profile.title().ja() == null ? "" : profile.title().ja()) + " "
                + (profile.title().en() == null ? "" : profile.title().en());
        return Arrays.stream(title.split("[\\sをにでのに関する]+")).filter(word -> word.length() >= 2).limit(5).toList();
    }
}
