package jp.iinj.memberregistry.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;

import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.httpapi.core.problems.InvalidField;

/** The header row: columns in any order, their aliases, and what refuses a file as a whole. */
class ImportHeaderTest {

    @Test
    void columnsInAnyOrder() {
        ImportHeader header = ImportHeader.of(List.of("prefecture_code", "legal_name", "corporate_number", "organisation_type"));

        assertThat(header.valueOf(ImportColumn.LEGAL_NAME, List.of("13", "A社", "7000012050002", "SME"))).isEqualTo("A社");
        assertThat(header.valueOf(ImportColumn.KEYWORDS, List.of("13", "A社", "7000012050002", "SME"))).isNull();
        assertThat(header.width()).isEqualTo(4);
    }

    @Test
    void namesInOtherSpellings() {
        assertThat(ImportColumn.named("legal_name")).contains(ImportColumn.LEGAL_NAME);
        assertThat(ImportColumn.named(" Legal Name ")).contains(ImportColumn.LEGAL_NAME);
        assertThat(ImportColumn.named("LEGAL-NAME")).contains(ImportColumn.LEGAL_NAME);
        assertThat(ImportColumn.named("legalName")).contains(ImportColumn.LEGAL_NAME);
        assertThat(ImportColumn.named("legalNameKana")).contains(ImportColumn.LEGAL_NAME_KANA);
        assertThat(ImportColumn.named("ｌｅｇａｌ＿ｎａｍｅ")).contains(ImportColumn.LEGAL_NAME);
        assertThat(ImportColumn.named("JSIC codes")).contains(ImportColumn.JSIC_CODES);
        assertThat(ImportColumn.named("organization_type")).contains(ImportColumn.ORGANISATION_TYPE);
        assertThat(ImportColumn.named("owner.email")).contains(ImportColumn.OWNER_EMAIL);
    }

    @Test
    void japaneseLabels() {
        assertThat(ImportColumn.named("法人番号")).contains(ImportColumn.CORPORATE_NUMBER);
        assertThat(ImportColumn.named("法人名")).contains(ImportColumn.LEGAL_NAME);
        assertThat(ImportColumn.named("名称")).contains(ImportColumn.LEGAL_NAME);
        assertThat(ImportColumn.named("フリガナ")).contains(ImportColumn.LEGAL_NAME_KANA);
        assertThat(ImportColumn.named("都道府県コード")).contains(ImportColumn.PREFECTURE_CODE);
        assertThat(ImportColumn.named("所在地")).contains(ImportColumn.ADDRESS);
        assertThat(ImportColumn.named("担当者メールアドレス")).contains(ImportColumn.OWNER_EMAIL);
    }

    @Test
    void everyAliasNamesOneColumnOnly() {
        for (ImportColumn column : ImportColumn.values()) {
            assertThat(ImportColumn.named(column.header())).contains(column);
            column.aliases().forEach(alias -> assertThat(ImportColumn.named(alias)).as(alias).contains(column));
        }
        assertThat(ImportColumn.named("status")).isEmpty();
        assertThat(ImportColumn.named("")).isEmpty();
    }

    @Test
    void anUnknownColumnRefusesTheFile() {
        assertThat(problems("legal_name", "organisation_type", "prefecture_code", "corporate_number", "status"))
                .singleElement().satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("header[4]");
                    assertThat(problem.message()).contains("unknown column", "legal_name");
                });
    }

    @Test
    void aColumnNamedTwiceRefusesTheFile() {
        assertThat(problems("legal_name", "organisation_type", "prefecture_code", "corporate_number", "法人名"))
                .extracting(InvalidField::field).containsExactly("header[4]");
    }

    @Test
    void anUnnamedColumnRefusesTheFile() {
        assertThat(problems("legal_name", "organisation_type", "prefecture_code", "corporate_number", ""))
                .extracting(InvalidField::field).containsExactly("header[4]");
    }

    @Test
    void requiredColumns() {
        assertThat(problems("legal_name", "corporate_number")).extracting(InvalidField::message)
                .containsExactly("a column organisation_type is required", "a column prefecture_code is required");
        assertThat(problems("legal_name", "organisation_type", "prefecture_code")).extracting(InvalidField::message)
                .containsExactly("a column corporate_number or no_corporate_number_reason is required");
        assertThat(ImportHeader.of(List.of("legal_name", "organisation_type", "prefecture_code",
                "no_corporate_number_reason")).width()).isEqualTo(4);
    }

    private static List<InvalidField> problems(String... cells) {
        return catchThrowableOfType(FieldValidationException.class, () -> ImportHeader.of(List.of(cells))).errors();
    }
}
