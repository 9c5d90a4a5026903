package jp.iinj.portal.referencedata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The 47 prefectures and the METI bureau of each, from the versioned reference data in {@code iinj-contracts}
 * ({@code contracts/reference-data/prefectures.v1.csv}): what the registration form offers and shows.
 */
public final class Prefectures {

    private static final String RESOURCE = "contracts/reference-data/prefectures.v1.csv";
    private static final List<Prefecture> ALL = load();

    /** @param bureau the METI bureau's code, e.g. {@code kanto} (its names: {@code bureau.<code>} in the bundles) */
    public record Prefecture(String code, String nameEn, String nameJa, String bureau) {

        public String name(Locale locale) {
            return "en".equals(locale.getLanguage()) ? nameEn : nameJa;
        }
    }

    private Prefectures() {
    }

    public static List<Prefecture> all() {
        return ALL;
    }

    /** The METI bureaus' codes, in the order of the prefectures they cover (Hokkaido first, Okinawa last). */
    public static List<String> bureaus() {
        return ALL.stream().map(Prefecture::bureau).distinct().toList();
    }

    public static Optional<Prefecture> byCode(String code) {
        return ALL.stream().filter(prefecture -> prefecture.code().equals(code)).findFirst();
    }

    private static List<Prefecture> load() {
        try (InputStream stream = Prefectures.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (stream == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath (iinj-contracts)");
            }
            List<Prefecture> prefectures = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
            reader.readLine(); // jis_code,name_en,name_ja,meti_bureau
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    String[] columns = line.split(",", -1);
                    prefectures.add(new Prefecture(columns[0], columns[1], columns[2], columns[3]));
                }
            }
            return List.copyOf(prefectures);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
