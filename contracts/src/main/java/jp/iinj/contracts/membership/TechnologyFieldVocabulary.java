package jp.iinj.contracts.membership;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The controlled vocabulary of technology fields, read from the versioned reference data shipped in this module
 * ({@code technology-fields.v1.csv}). Members pick fields from it and add free keywords; matching relies on the ids.
 */
public final class TechnologyFieldVocabulary {

    public static final String CURRENT_VERSION = "technology-fields.v1";

    private static final TechnologyFieldVocabulary CURRENT =
            load("contracts/reference-data/" + CURRENT_VERSION + ".csv");

    /** One entry: a stable kebab-case id and its names. */
    public record TechnologyField(String id, String nameEn, String nameJa) {
    }

    private final Map<String, TechnologyField> byId;

    private TechnologyFieldVocabulary(Map<String, TechnologyField> byId) {
        this.byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
    }

    public static TechnologyFieldVocabulary current() {
        return CURRENT;
    }

    public boolean contains(String id) {
        return id != null && byId.containsKey(id);
    }

    public Collection<TechnologyField> all() {
        return byId.values();
    }

    private static TechnologyFieldVocabulary load(String resource) {
        InputStream stream = TechnologyFieldVocabulary.class.getClassLoader().getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("reference data " + resource + " is not on the classpath");
        }
        Map<String, TechnologyField> fields = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            reader.readLine(); // header: id,name_en,name_ja
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] columns = line.split(",", -1);
                if (columns.length != 3) {
                    throw new IllegalStateException(resource + ": expected 3 columns in '" + line + "'");
                }
                fields.put(columns[0], new TechnologyField(columns[0], columns[1], columns[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TechnologyFieldVocabulary(fields);
    }
}
