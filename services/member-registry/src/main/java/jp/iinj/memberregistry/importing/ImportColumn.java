package jp.iinj.memberregistry.importing;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The columns of an import file. A header cell names one of them by its name ({@code legal_name}), in any case and
 * with spaces, hyphens or camelCase instead of underscores ({@code Legal Name}, {@code legal-name}, {@code legalName}),
 * or by one of its aliases: the Japanese labels regional bodies' lists use ({@code 法人番号}) and the American spelling
 * of {@code organization_type}.
 */
enum ImportColumn {

    CORPORATE_NUMBER("corporate_number", "corporateNumber", "法人番号"),
    NO_CORPORATE_NUMBER_REASON("no_corporate_number_reason", "noCorporateNumberReason", "法人番号なしの理由"),
    LEGAL_NAME("legal_name", "legalName", "法人名", "名称", "組織名"),
    LEGAL_NAME_KANA("legal_name_kana", "legalNameKana", "法人名カナ", "フリガナ"),
    ENGLISH_NAME("english_name", "englishName", "英文名称", "英語名"),
    ORGANISATION_TYPE("organisation_type", "organisationType", "organization_type", "組織種別"),
    PREFECTURE_CODE("prefecture_code", "prefectureCode", "都道府県コード"),
    ADDRESS("address", "address", "所在地", "住所"),
    WEBSITE("website", "website", "ウェブサイト", "url"),
    EMPLOYEE_BAND("employee_band", "employeeBand", "従業員規模"),
    CAPITAL_BAND("capital_band", "capitalBand", "資本金規模"),
    JSIC_CODES("jsic_codes", "jsicCodes", "産業分類"),
    TECHNOLOGY_FIELDS("technology_fields", "technologyFields", "技術分野"),
    KEYWORDS("keywords", "keywords", "キーワード"),
    CLUSTER_IDS("cluster_ids", "clusterIds", "クラスター"),
    TYPOLOGY("typology", "typology", "類型"),
    OWNER_NAME("owner_name", "owner.displayName", "担当者名"),
    OWNER_EMAIL("owner_email", "owner.email", "担当者メールアドレス"),
    EXPIRES_ON("expires_on", "expiresOn", "有効期限");

    /** Every row needs these; {@code corporate_number} or {@code no_corporate_number_reason} as well. */
    static final List<ImportColumn> REQUIRED = List.of(LEGAL_NAME, ORGANISATION_TYPE, PREFECTURE_CODE);

    private static final Pattern CAMEL_HUMP = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.]+");
    private static final Map<String, ImportColumn> BY_NAME = new HashMap<>();
    private static final Map<String, ImportColumn> BY_PROFILE_FIELD = new HashMap<>();

    static {
        for (ImportColumn column : values()) {
            BY_NAME.put(column.header, column);
            for (String alias : column.aliases) {
                BY_NAME.put(normalised(alias), column);
            }
            BY_PROFILE_FIELD.put(column.profileField, column);
        }
    }

    private final String header;
    private final String profileField;
    private final List<String> aliases;

    ImportColumn(String header, String profileField, String... aliases) {
        this.header = header;
        this.profileField = profileField;
        this.aliases = List.of(aliases);
    }

    /** The canonical header, e.g. {@code legal_name}; row errors name fields by it. */
    String header() {
        return header;
    }

    List<String> aliases() {
        return aliases;
    }

    /** The column a header cell names, if any. */
    static Optional<ImportColumn> named(String headerCell) {
        return Optional.ofNullable(headerCell).map(ImportColumn::normalised).map(BY_NAME::get);
    }

    /** The column of a field name the profile rules report ({@code legalName}), for row errors in the file's terms. */
    static Optional<ImportColumn> ofProfileField(String field) {
        return Optional.ofNullable(BY_PROFILE_FIELD.get(field));
    }

    static List<String> headers() {
        return Arrays.stream(values()).map(ImportColumn::header).toList();
    }

    /** NFKC (full-width letters), camelCase humps, spaces, hyphens and dots to underscores, lower case. */
    static String normalised(String name) {
        String text = Normalizer.normalize(name, Normalizer.Form.NFKC).strip();
        text = CAMEL_HUMP.matcher(text).replaceAll("_");
        return SEPARATORS.matcher(text).replaceAll("_").toLowerCase(Locale.ROOT);
    }
}
