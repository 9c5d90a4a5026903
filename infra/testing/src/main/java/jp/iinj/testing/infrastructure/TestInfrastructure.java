package jp.iinj.testing.infrastructure;

import java.util.Locale;
import java.util.Optional;

import jp.iinj.embeddedmongodb.ExaminedDocuments;
import jp.iinj.embeddedmongodb.MongoConnectionStrings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka broker and the MongoDB every test of this JVM uses: started on first use, stopped when the JVM exits.
 * The mode comes from {@code -Diinj.test.infrastructure} or {@code IINJ_TEST_INFRASTRUCTURE}: {@code auto} (default),
 * {@code external}, {@code containers} or {@code embedded}.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

    private static TestInfrastructure shared;
    private static RuntimeException startFailure;

    private final ModeSelection selection;
    private final RunningInfrastructure running;

    private TestInfrastructure(ModeSelection selection, RunningInfrastructure running) {
        this.selection = selection;
        this.running = running;
    }

    public static synchronized TestInfrastructure shared() {
        // one failed start is reported to every later caller instead of being retried test after test
        if (startFailure != null) {
            throw new IllegalStateException("The test infrastructure failed to start earlier in this JVM",
                    startFailure);
        }
        if (shared == null) {
            try {
                shared = start(InfrastructureSettings.fromSystem());
            }
            catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
        }
        return shared;
    }

    private static TestInfrastructure start(InfrastructureSettings settings) {
        ModeSelection selection = ModeSelection.select(settings, ContainersInfrastructure::dockerAvailable);
        log.info("Test infrastructure mode: {} ({})", selection.mode().name().toLowerCase(Locale.ROOT),
                selection.reason());
        RunningInfrastructure running = switch (selection.mode()) {
            case EXTERNAL -> ExternalInfrastructure.from(settings);
            case CONTAINERS -> ContainersInfrastructure.start();
            case EMBEDDED -> EmbeddedInfrastructure.start();
        };
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "iinj-test-infrastructure-shutdown"));
        return new TestInfrastructure(selection, running);
    }

    public Mode mode() {
        return selection.mode();
    }

    /** Why this mode was chosen, e.g. {@code auto: no external URIs; no Docker engine answers}. */
    public String modeReason() {
        return selection.reason();
    }

    public String kafkaBootstrapServers() {
        return running.kafkaBootstrapServers();
    }

    /** A connection string with {@code database} in its path, e.g. {@code mongodb://127.0.0.1:41234/test-1a2b}. */
    public String mongoUri(String database) {
        return MongoConnectionStrings.withDatabase(running.mongoConnectionString(), database);
    }

    /**
     * What the embedded MongoDB read to answer queries, per collection (MongoDB's {@code docsExamined}); empty on a
     * real MongoDB, whose profiler says the same.
     */
    public Optional<ExaminedDocuments> embeddedExaminedDocuments() {
        return running.examinedDocuments();
    }

    /** {@code false} when MongoDB is mongo-java-server, which lacks transactions, sessions and {@code $text}. */
    public boolean realMongoDb() {
        return mode() != Mode.EMBEDDED;
    }
}
