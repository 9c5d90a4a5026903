package jp.iinj.contracts.compatibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every event schema against its baseline, the last version that was published. The baseline advances with every
 * compatible change; otherwise a field added and removed again between two baselines would slip through.
 */
class EventSchemaCompatibilityTest {

    private static final Path MODULE = Path.of(System.getProperty("basedir", "."));
    private static final Path SCHEMAS = MODULE.resolve("events");
    private static final Path BASELINES = MODULE.resolve("event-baselines");
    private static final boolean RECORD = Boolean.getBoolean("contracts.recordBaselines");
    private static final String RECORD_COMMAND = "./mvnw -pl contracts test -Dcontracts.recordBaselines=true";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TestFactory
    Stream<DynamicTest> everyEventSchemaIsCompatibleWithItsBaseline() throws IOException {
        List<Path> schemas = schemaFiles(SCHEMAS);
        assertThat(schemas).as("event schemas under %s", SCHEMAS.toAbsolutePath()).isNotEmpty();
        return schemas.stream().map(schema -> dynamicTest(schema.toString(), () -> check(schema)));
    }

    @Test
    void everyBaselineStillHasItsSchema() throws IOException {
        List<Path> orphans = schemaFiles(BASELINES).stream().filter(path -> !Files.exists(SCHEMAS.resolve(path))).toList();

        assertThat(orphans)
                .as("published event schemas were deleted, which breaks their consumers; if an event type is really"
                        + " retired, delete its baseline under event-baselines/ as well")
                .isEmpty();
    }

    private static void check(Path relative) throws IOException {
        Path schema = SCHEMAS.resolve(relative);
        Path baseline = BASELINES.resolve(relative);
        if (!Files.exists(baseline)) {
            if (RECORD) {
                record(schema, baseline);
                return;
            }
            fail("%s has no baseline in event-baselines/; record it with: %s", relative, RECORD_COMMAND);
        }
        JsonNode published = JSON.readTree(baseline.toFile());
        JsonNode current = JSON.readTree(schema.toFile());
        List<BreakingChange> breaking = SchemaCompatibilityChecker.breakingChanges(published, current);
        if (!breaking.isEmpty()) {
            fail("%s breaks its published baseline; publish the change as a new versioned event type (or topic)"
                    + " instead:%n%s", relative, breaking.stream().map(change -> "  - " + change)
                    .collect(Collectors.joining(System.lineSeparator())));
        }
        if (!current.equals(published)) {
            if (RECORD) {
                record(schema, baseline);
                return;
            }
            fail("%s changed compatibly but its baseline was not advanced; record it with: %s", relative,
                    RECORD_COMMAND);
        }
    }

    private static void record(Path schema, Path baseline) throws IOException {
        Files.createDirectories(baseline.getParent());
        Files.copy(schema, baseline, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("recorded baseline " + MODULE.relativize(baseline));
    }

    /** Schema files below {@code root}, relative to it, sorted. */
    private static List<Path> schemaFiles(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".schema.json"))
                    .map(root::relativize).sorted().toList();
        }
    }
}
