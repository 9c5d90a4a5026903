package jp.iinj.memberregistry.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.iinj.contracts.membership.CapitalBand;
import jp.iinj.contracts.membership.EmployeeBand;
import jp.iinj.contracts.membership.OrganisationType;
import jp.iinj.contracts.membership.TargetTypology;
import jp.iinj.httpapi.core.problems.InvalidField;
import jp.iinj.memberregistry.organisation.NoCorporateNumberReason;
import jp.iinj.memberregistry.profile.ProfileInput.JsicCodeInput;

/** Reading a CSV row into the profile's terms: lists, JSIC codes, vocabularies, dates, what spreadsheets do. */
class ImportRowTest {

    private static final ImportHeader HEADER = ImportHeader.of(ImportColumn.headers());

    @Test
    void readsEveryColumn() {
        ImportRow row = row(
                "corporate_number", "7000012050002",
                "legal_name", "株式会社 信濃川精機",
                "legal_name_kana", "シナノガワセイキ",
                "english_name", "Shinanogawa Precision",
                "organisation_type", "SME",
                "prefecture_code", "15",
                "address", "新潟県長岡市1-2-3",
                "website", "https://shinanogawa.example.jp",
                "employee_band", "EMPLOYEES_20_TO_49",
                "capital_band", "FROM_10M_TO_50M_YEN",
                "jsic_codes", "14:2611;14:E",
                "technology_fields", "ict;software-ai",
                "keywords", "精密加工; 金型 ",
                "cluster_ids", "niigata-precision",
                "typology", "TYPE_2_SECOND_TIME_START_UP_OR_HIDDEN_CHAMPION",
                "owner_name", "信濃 太郎",
                "owner_email", "taro@shinanogawa.example.jp",
                "expires_on", "2027-03-31");

        assertThat(row.problems()).isEmpty();
        assertThat(row.number()).isEqualTo(2);
        assertThat(row.corporateNumber()).isEqualTo("7000012050002");
        assertThat(row.profile().legalName()).isEqualTo("株式会社 信濃川精機");
        assertThat(row.profile().organisationType()).isEqualTo(OrganisationType.SME);
        assertThat(row.profile().prefectureCode()).isEqualTo("15");
        assertThat(row.profile().employeeBand()).isEqualTo(EmployeeBand.EMPLOYEES_20_TO_49);
        assertThat(row.profile().capitalBand()).isEqualTo(CapitalBand.FROM_10M_TO_50M_YEN);
        assertThat(row.profile().jsicCodes()).containsExactly(new JsicCodeInput("14", "2611"), new JsicCodeInput("14", "E"));
        assertThat(row.profile().technologyFields()).containsExactly("ict", "software-ai");
        assertThat(row.profile().keywords()).containsExactly("精密加工", "金型");
        assertThat(row.profile().clusterIds()).containsExactly("niigata-precision");
        assertThat(row.profile().typology()).isEqualTo(TargetTypology.TYPE_2_SECOND_TIME_START_UP_OR_HIDDEN_CHAMPION);
        assertThat(row.owner().displayName()).isEqualTo("信濃 太郎");
        assertThat(row.owner().email()).isEqualTo("taro@shinanogawa.example.jp");
        assertThat(row.expiresOn()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(row.profile().contacts()).isEmpty();
    }

    @Test
    void blankCellsAreAbsentValuesAndEmptyListEntriesAreDropped() {
        ImportRow row = row("legal_name", "A", "english_name", "  ", "keywords", ";a;; b ;", "technology_fields", "",
                "jsic_codes", " ");

        assertThat(row.profile().englishName()).isNull();
        assertThat(row.corporateNumber()).isNull();
        assertThat(row.profile().keywords()).containsExactly("a", "b");
        assertThat(row.profile().technologyFields()).isEmpty();
        assertThat(row.profile().jsicCodes()).isEmpty();
        assertThat(row.problems()).isEmpty();
    }

    @Test
    void lineBreaksInsideACellAreSpaces() {
        ImportRow row = row("address", "東京都千代田区\r\n丸の内1-1\nAビル", "legal_name", "A\rB");

        assertThat(row.profile().address()).isEqualTo("東京都千代田区 丸の内1-1 Aビル");
        assertThat(row.profile().legalName()).isEqualTo("A B");
    }

    @Test
    void jsicCodesNeedRevisionAndCode() {
        ImportRow row = row("jsic_codes", "14:2611;2611;14:;：E;14：E");

        assertThat(row.profile().jsicCodes()).containsExactly(new JsicCodeInput("14", "2611"), new JsicCodeInput("14", "E"));
        assertThat(row.problems()).extracting(InvalidField::field)
                .containsExactly("jsic_codes[1]", "jsic_codes[2]", "jsic_codes[3]");
        assertThat(row.problems()).allSatisfy(problem -> assertThat(problem.message()).contains("14:2611"));
    }

    @Test
    void vocabularyValuesInAnyCaseWithSpacesOrHyphens() {
        ImportRow row = row("organisation_type", "start-up", "employee_band", "employees 1 to 4",
                "no_corporate_number_reason", "ｓｏｌｅ＿ｐｒｏｐｒｉｅｔｏｒ");

        assertThat(row.profile().organisationType()).isEqualTo(OrganisationType.START_UP);
        assertThat(row.profile().employeeBand()).isEqualTo(EmployeeBand.EMPLOYEES_1_TO_4);
        assertThat(row.noCorporateNumberReason()).isEqualTo(NoCorporateNumberReason.SOLE_PROPRIETOR);
        assertThat(row.problems()).isEmpty();
    }

    @Test
    void unknownVocabularyValuesAreProblemsOfTheirColumn() {
        ImportRow row = row("organisation_type", "COMPANY", "capital_band", "huge");

        assertThat(row.profile().organisationType()).isNull();
        assertThat(row.problems()).extracting(InvalidField::field).containsExactly("organisation_type", "capital_band");
        assertThat(row.problems().get(0).message()).contains("SME", "START_UP");
    }

    @Test
    void spreadsheetHabits() {
        ImportRow row = row("prefecture_code", "1", "corporate_number", "７００００１２０５０００２", "expires_on", "2027/3/31");

        assertThat(row.profile().prefectureCode()).isEqualTo("01");
        assertThat(row.corporateNumber()).isEqualTo("7000012050002");
        assertThat(row.expiresOn()).isEqualTo(LocalDate.of(2027, 3, 31));
    }

    @Test
    void datesMustBeDates() {
        assertThat(row("expires_on", "2027-02-30").problems()).extracting(InvalidField::field).containsExactly("expires_on");
        assertThat(row("expires_on", "31.03.2027").problems()).extracting(InvalidField::field).containsExactly("expires_on");
    }

    @Test
    void aRowWithOtherThanTheHeadersNumberOfValuesIsAProblemOfTheWholeRow() {
        ImportRow row = ImportRow.read(5, List.of("A", "SME"), HEADER);

        assertThat(row.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isNull();
            assertThat(problem.message()).contains("2 values", "19 columns");
        });
    }

    @Test
    void everyCellIsHeldToTheTextPolicyAndReadInNfc() {
        ImportRow row = row(
                "legal_name", "検証\u202e社会式株",
                "english_name", "Bidi\u202egnp.exe",
                "address", "東京都\u200b千代田区",
                "keywords", "IoT;\uFEFF精密",
                "owner_name", "山田\u2066太郎",
                "legal_name_kana", "\u30AB\u3099イシャ");

        assertThat(row.problems()).extracting(InvalidField::field, InvalidField::message).containsExactly(
                tuple("owner_name", "must not contain bidirectional formatting characters (U+2066 at position 3)"),
                tuple("legal_name", "must not contain bidirectional formatting characters (U+202E at position 3)"),
                tuple("english_name", "must not contain bidirectional formatting characters (U+202E at position 5)"),
                tuple("address", "must not contain invisible or formatting characters (U+200B at position 4)"),
                tuple("keywords", "must not contain invisible or formatting characters (U+FEFF at position 5)"));
        assertThat(row.profile().legalName()).isNull();
        assertThat(row.profile().keywords()).isEmpty();
        assertThat(row.profile().legalNameKana()).isEqualTo("ガイシャ");
    }

    @Test
    void aLineBreakInACellIsASpaceButOtherSeparatorsAreRefused() {
        assertThat(row("address", "東京都\r\n千代田区\n丸の内").profile().address()).isEqualTo("東京都 千代田区 丸の内");
        assertThat(row("address", "東京都\u2028千代田区").problems()).extracting(InvalidField::field).containsExactly("address");
        assertThat(row("address", "東京都\u000B千代田区").problems()).extracting(InvalidField::field).containsExactly("address");
    }

    @Test
    void anUnreadableRowHasOneProblemOfTheWholeRowAndNoValues() {
        ImportRow row = ImportRow.unreadable(7, "is not valid CSV (RFC 4180) at line 7: …");

        assertThat(row.readable()).isFalse();
        assertThat(row.problems()).containsExactly(new InvalidField(null, "is not valid CSV (RFC 4180) at line 7: …"));
        assertThat(row.identityKey()).isEqualTo("row:7");
    }

    @Test
    void rowsWithoutAnyValueAreBlank() {
        assertThat(ImportRow.blank(List.of("", " ", ""))).isTrue();
        assertThat(ImportRow.blank(List.of(""))).isTrue();
        assertThat(ImportRow.blank(List.of("", "x"))).isFalse();
    }

    @Test
    void rowsThatMayBeTheSameOrganisationShareAKey() {
        assertThat(row("corporate_number", "7000012050002", "legal_name", "A").identityKey())
                .isEqualTo(row("corporate_number", "7000012050002", "legal_name", "B").identityKey());
        assertThat(row("legal_name", "株式会社 信濃川精機", "prefecture_code", "15").identityKey())
                .isEqualTo(row("legal_name", "信濃川精機（株）", "prefecture_code", "15").identityKey())
                .isNotEqualTo(row("legal_name", "信濃川精機（株）", "prefecture_code", "13").identityKey());
    }

    @Test
    void profileFieldsAreNamedAsTheFileNamesThem() {
        assertThat(ImportRow.columnOf("legalName")).isEqualTo("legal_name");
        assertThat(ImportRow.columnOf("jsicCodes[1].code")).isEqualTo("jsic_codes[1].code");
        assertThat(ImportRow.columnOf("technologyFields[0]")).isEqualTo("technology_fields[0]");
        assertThat(ImportRow.columnOf("clusterIds[2]")).isEqualTo("cluster_ids[2]");
        assertThat(ImportRow.columnOf(null)).isNull();
    }

    /** A row of the canonical header with the given column/value pairs, the rest blank. */
    private static ImportRow row(String... columnsAndValues) {
        List<String> values = new ArrayList<>(Arrays.asList(new String[ImportColumn.headers().size()]));
        values.replaceAll(value -> "");
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            values.set(ImportColumn.headers().indexOf(columnsAndValues[i]), columnsAndValues[i + 1]);
        }
        return ImportRow.read(2, values, HEADER);
    }
}
