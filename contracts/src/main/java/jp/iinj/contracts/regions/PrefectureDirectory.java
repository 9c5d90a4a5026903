package jp.iinj.contracts.regions;

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
import java.util.Optional;

/**
 * Prefecture to bureau mapping, read from the versioned reference data shipped in this module. A change of a
 * bureau's area is a new file version ({@code prefectures.v2.csv}), never an edit in place.
 */
public final class PrefectureDirectory {

    public static final String CURRENT_VERSION = "prefectures.v1";

    private static final PrefectureDirectory CURRENT = load("contracts/reference-data/" + CURRENT_VERSION + ".csv");

    private final Map<String, Prefecture> byCode;

    private PrefectureDirectory(Map<String, Prefecture> byCode) {
        this.byCode = Collections.unmodifiableMap(new LinkedHashMap<>(byCode));
    }

    public static PrefectureDirectory current() {
        return CURRENT;
    }

    public Optional<Prefecture> byJisCode(String jisCode) {
        return jisCode == null ? Optional.empty() : Optional.ofNullable(byCode.get(jisCode));
    }

    /** In JIS code order, north to south. */
    public Collection<Prefecture> all() {
        return byCode.values();
    }

    static PrefectureDirectory load(String classpathLocation) {
        InputStream in = PrefectureDirectory.class.getClassLoader().getResourceAsStream(classpathLocation);
        if (in == null) {
            throw new IllegalStateException("reference data missing from the classpath: " + classpathLocation);
        }
        Map<String, Prefecture> byCode = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (!"jis_code,name_en,name_ja,meti_bureau".equals(header)) {
                throw new IllegalStateException("unexpected header in " + classpathLocation + ": " + header);
            }
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                RegionalBureau bureau = RegionalBureau.byId(cells[3].trim())
                        .orElseThrow(() -> new IllegalStateException("unknown bureau in " + classpathLocation + ": " + cells[3]));
                byCode.put(cells[0].trim(), new Prefecture(cells[0].trim(), cells[1].trim(), cells[2].trim(), bureau));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PrefectureDirectory(byCode);
    }
}
