package jp.iinj.portal.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every text the portal shows exists in Japanese and in English, in every feature's bundle pair
 * ({@code i18n/<feature>.properties}, {@code i18n/<feature>_en.properties}), each named in {@code spring.messages.basename}.
 */
class MessageBundlesTest {

    private static final Path BUNDLES = Path.of("src/main/resources/i18n");

    @Test
    void bothLanguagesHaveEveryKeyInEveryBundle() throws IOException {
        List<Path> japaneseBundles = japaneseBundles();
        assertThat(japaneseBundles).isNotEmpty();
        for (Path japaneseFile : japaneseBundles) {
            Path englishFile = englishOf(japaneseFile);
            assertThat(englishFile).as("the English of " + japaneseFile).exists();
            Properties japanese = load(japaneseFile);
            Properties english = load(englishFile);
            Set<String> onlyJapanese = new TreeSet<>(japanese.stringPropertyNames());
            onlyJapanese.removeAll(english.stringPropertyNames());
            Set<String> onlyEnglish = new TreeSet<>(english.stringPropertyNames());
            onlyEnglish.removeAll(japanese.stringPropertyNames());
            assertThat(onlyJapanese).as("keys of " + japaneseFile + " missing in English").isEmpty();
            assertThat(onlyEnglish).as("keys of " + englishFile + " missing in Japanese").isEmpty();
            assertThat(japanese.stringPropertyNames()).allSatisfy(key -> {
                assertThat(japanese.getProperty(key)).as(key).isNotBlank();
                assertThat(english.getProperty(key)).as(key).isNotBlank();
            });
        }
    }

    @Test
    void theJapaneseBundlesAreJapanese() throws IOException {
        for (Path file : japaneseBundles()) {
            Properties japanese = load(file);
            long withJapanese = japanese.stringPropertyNames().stream()
                    .filter(key -> japanese.getProperty(key).codePoints().anyMatch(MessageBundlesTest::japanese))
                    .count();
            assertThat(withJapanese).as(file.toString()).isGreaterThanOrEqualTo(japanese.size() * 7L / 10);
        }
    }

    @Test
    void everyBundleIsConfigured() throws IOException {
        String configuration = Files.readString(Path.of("src/main/resources/application.yml"));
        for (Path file : japaneseBundles()) {
            String name = file.getFileName().toString().replace(".properties", "");
            assertThat(configuration).as("spring.messages.basename names " + name).contains("i18n/" + name);
        }
    }

    private static boolean japanese(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.HAN;
    }

    private static List<Path> japaneseBundles() throws IOException {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            return files.filter(file -> file.toString().endsWith(".properties") && !file.toString().endsWith("_en.properties"))
                    .sorted().toList();
        }
    }

    private static Path englishOf(Path japanese) {
        return japanese.resolveSibling(japanese.getFileName().toString().replace(".properties", "_en.properties"));
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
