package jp.iinj.contracts.regions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrefectureDirectoryTest {

    private final PrefectureDirectory directory = PrefectureDirectory.current();

    @Test
    void holdsAll47PrefecturesByJisCode() {
        assertThat(directory.all()).extracting(Prefecture::jisCode)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 47).mapToObj(code -> "%02d".formatted(code)).toList());
    }

    @Test
    void everyBureauCoversAPrefecture() {
        assertThat(directory.all()).extracting(Prefecture::bureau).contains(RegionalBureau.values());
    }

    @ParameterizedTest
    @CsvSource({
            "01, Hokkaido, HOKKAIDO",
            "13, Tokyo,    KANTO",
            "15, Niigata,  KANTO",
            "18, Fukui,    KINKI",
            "47, Okinawa,  OKINAWA"})
    void mapsPrefecturesToTheirBureau(String jisCode, String nameEn, RegionalBureau bureau) {
        assertThat(directory.byJisCode(jisCode)).get().satisfies(prefecture -> {
            assertThat(prefecture.nameEn()).isEqualTo(nameEn);
            assertThat(prefecture.bureau()).isEqualTo(bureau);
        });
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"00", "48", "13 ", "1", "tokyo"})
    void unknownCodesAreEmpty(String jisCode) {
        assertThat(directory.byJisCode(jisCode)).isEmpty();
    }
}
