package jp.iinj.portal.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** Every text the portal shows exists in Japanese and in English, and no text is left empty. */
class MessageBundlesTest {

    @Test
    void bothLanguagesHaveEveryKey() throws IOException {
        Properties japanese = load("/messages.properties");
        Properties english = load("/messages_en.properties");
        Set<String> onlyJapanese = new TreeSet<>(japanese.stringPropertyNames());
        onlyJapanese.removeAll(english.stringPropertyNames());
        Set<String> onlyEnglish = new TreeSet<>(english.stringPropertyNames());
        onlyEnglish.removeAll(japanese.stringPropertyNames());
        assertThat(onlyJapanese).as("keys missing in English").isEmpty();
        assertThat(onlyEnglish).as("keys missing in Japanese").isEmpty();
        assertThat(japanese.stringPropertyNames()).allSatisfy(key -> {
            assertThat(japanese.getProperty(key)).as(key).isNotBlank();
            assertThat(english.getProperty(key)).as(key).isNotBlank();
        });
    }

    @Test
    void theJapaneseBundleIsJapanese() throws IOException {
        Properties japanese = load("/messages.properties");
        long withJapanese = japanese.stringPropertyNames().stream()
                .filter(key -> japanese.getProperty(key).codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA
                        || Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                .count();
        assertThat(withJapanese).isGreaterThan(japanese.size() * 8L / 10);
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(MessageBundlesTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
