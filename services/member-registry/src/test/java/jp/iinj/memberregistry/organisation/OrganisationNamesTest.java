package jp.iinj.memberregistry.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrganisationNamesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "株式会社 信濃川精機",
            "㈱信濃川精機",
            "信濃川精機（株）",
            "信濃川精機株式会社",
            "'  信濃川 精機  '",
            "信濃川精機(株)",
    })
    void legalFormsSpacesAndWidthsDoNotMakeANewName(String written) {
        assertThat(OrganisationNames.normalised(written)).isEqualTo("信濃川精機");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "'Shinanogawa Seiki Co., Ltd.', shinanogawaseiki",
            "'ＳＨＩＮＡＮＯＧＡＷＡ　ＳＥＩＫＩ　Inc.', shinanogawaseiki",
            "一般社団法人 長野県工業会, 長野県工業会",
            "ｼﾅﾉｶﾞﾜ, シナノガワ",
    })
    void latinFullWidthAndHalfWidthKanaAreFolded(String written, String expected) {
        assertThat(OrganisationNames.normalised(written)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource({
            "信濃川精機, 信濃川精工",
            "株式会社A, 株式会社B",
    })
    void differentNamesStayDifferent(String one, String other) {
        assertThat(OrganisationNames.normalised(one)).isNotEqualTo(OrganisationNames.normalised(other));
    }
}
