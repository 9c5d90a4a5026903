package jp.iinj.portal.referencedata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The prefecture -> METI bureau lookup the registration form shows, read from iinj-contracts' prefectures.v1.csv. */
class PrefecturesTest {

    @ParameterizedTest
    @CsvSource({
            "01, hokkaido", "04, tohoku", "13, kanto",
            "15, kanto",    // Niigata and Yamanashi belong to Kanto's bureau, not Chubu's
            "19, kanto", "16, chubu", "23, chubu",
            "18, kinki",    // Fukui belongs to Kinki's bureau
            "27, kinki", "34, chugoku", "37, shikoku", "40, kyushu", "47, okinawa"})
    void eachPrefectureHasItsBureau(String code, String bureau) {
        assertThat(Prefectures.byCode(code)).map(Prefectures.Prefecture::bureau).hasValue(bureau);
    }

    @Test
    void allFortySevenAreThereAndUnknownCodesHaveNone() {
        assertThat(Prefectures.all()).hasSize(47);
        assertThat(Prefectures.byCode("48")).isEmpty();
        assertThat(Prefectures.byCode("")).isEmpty();
        assertThat(Prefectures.byCode(null)).isEmpty();
    }

    @Test
    void namesInBothLanguages() {
        Prefectures.Prefecture tokyo = Prefectures.byCode("13").orElseThrow();
        assertThat(tokyo.name(Locale.JAPANESE)).isEqualTo("東京都");
        assertThat(tokyo.name(Locale.ENGLISH)).isEqualTo("Tokyo");
    }

    @Test
    void everyBureauHasANameInBothBundles() {
        ResourceBundle japanese = ResourceBundle.getBundle("i18n/portal", Locale.ROOT);
        ResourceBundle english = ResourceBundle.getBundle("i18n/portal", Locale.ENGLISH);
        Prefectures.all().forEach(prefecture -> {
            assertThat(japanese.containsKey("bureau." + prefecture.bureau())).as(prefecture.bureau()).isTrue();
            assertThat(english.containsKey("bureau." + prefecture.bureau())).as(prefecture.bureau()).isTrue();
        });
    }
}
