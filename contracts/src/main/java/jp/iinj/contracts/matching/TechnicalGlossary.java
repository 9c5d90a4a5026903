package jp.iinj.contracts.matching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.iinj.contracts.membership.TechnologyFieldVocabulary;

/**
 * The bilingual technical glossary, versioned reference data ({@code technical-glossary.v1.csv}): each concept with
 * the words people use for it in Japanese (kanji, kana, loanwords, plain words and researchers' terms) and in
 * English. Matching maps both sides' words to concepts, so a need and an offer meet even when they share no word.
 *
 * <p>CSV columns: {@code concept,field,broader,ja,en}; {@code ja} and {@code en} hold variants separated by
 * {@code |}; {@code field} is a technology-field id or empty; {@code broader} names another concept or is empty.
 */
public final class TechnicalGlossary {

    public static final String CURRENT_VERSION = "technical-glossary.v1";

    private static final TechnicalGlossary CURRENT = load("contracts/reference-data/" + CURRENT_VERSION + ".csv");

    /**
     * @param technologyField a technology-field id, or null for concepts of no one field (licensing, prototyping)
     * @param broader         the id of the broader concept, or null
     */
    public record Concept(String id, String technologyField, String broader, List<String> japanese,
                          List<String> english) {
    }

    private final Map<String, Concept> byId;

    private TechnicalGlossary(Map<String, Concept> byId) {
        this.byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
    }

    public static TechnicalGlossary current() {
        return CURRENT;
    }

    public Collection<Concept> concepts() {
        return byId.values();
    }

    public Optional<Concept> concept(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Reads and checks a glossary: unique ids, known fields, broader concepts that exist, at least one word. */
    public static TechnicalGlossary parse(Reader csv, String source) {
        Map<String, Concept> concepts = new LinkedHashMap<>();
        TechnologyFieldVocabulary fields = TechnologyFieldVocabulary.current();
        try (BufferedReader reader = new BufferedReader(csv)) {
            String header = reader.readLine();
            if (!"concept,field,broader,ja,en".equals(header)) {
                throw new IllegalStateException(source + ": unexpected header " + header);
            }
            int lineNumber = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split(",", -1);
                if (columns.length != 5) {
                    throw new IllegalStateException(source + ":" + lineNumber + ": expected 5 columns in '" + line + "'");
                }
                String id = columns[0].strip();
                String field = columns[1].isBlank() ? null : columns[1].strip();
                if (field != null && !fields.contains(field)) {
                    throw new IllegalStateException(source + ":" + lineNumber + ": unknown technology field " + field);
                }
                Concept concept = new Concept(id, field, columns[2].isBlank() ? null : columns[2].strip(),
                        variants(columns[3]), variants(columns[4]));
                if (concept.japanese().isEmpty() && concept.english().isEmpty()) {
                    throw new IllegalStateException(source + ":" + lineNumber + ": concept " + id + " has no words");
                }
                if (concepts.putIfAbsent(id, concept) != null) {
                    throw new IllegalStateException(source + ":" + lineNumber + ": concept " + id + " twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Concept concept : concepts.values()) {
            if (concept.broader() != null && !concepts.containsKey(concept.broader())) {
                throw new IllegalStateException(source + ": concept " + concept.id() + " names unknown broader concept "
                        + concept.broader());
            }
        }
        return new TechnicalGlossary(concepts);
    }

    private static List<String> variants(String column) {
        List<String> words = new ArrayList<>();
        Arrays.stream(column.split("\\|")).map(String::strip).filter(word -> !word.isEmpty()).forEach(words::add);
        return List.copyOf(words);
    }

    private static TechnicalGlossary load(String resource) {
        InputStream stream = TechnicalGlossary.class.getClassLoader().getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("reference data " + resource + " is not on the classpath");
        }
        return parse(new InputStreamReader(stream, StandardCharsets.UTF_8), resource);
    }
}
