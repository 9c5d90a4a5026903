package jp.iinj.memberregistry.importing;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.iinj.contracts.membership.CapitalBand;
import jp.iinj.contracts.membership.EmployeeBand;
import jp.iinj.contracts.membership.OrganisationType;
import jp.iinj.contracts.membership.TargetTypology;
import jakarta.validation.Valid;

import jp.iinj.httpapi.core.problems.InvalidField;
import jp.iinj.httpapi.core.text.TextPolicy;
import jp.iinj.memberregistry.corporatenumber.ValidCorporateNumber;
import jp.iinj.memberregistry.organisation.NoCorporateNumberReason;
import jp.iinj.memberregistry.organisation.OrganisationNames;
import jp.iinj.memberregistry.profile.ProfileInput;
import jp.iinj.memberregistry.profile.ProfileInput.JsicCodeInput;
import jp.iinj.memberregistry.registration.OwnerInput;

/**
 * One data row of an import file, read into the profile's terms but not yet checked by the profile rules.
 * {@code problems} holds what could not even be read (a value outside a vocabulary, a date, a list entry, a cell the
 * text policy refuses); row errors name fields by their CSV column ({@code jsic_codes[1]}). A row that cannot be read
 * at all ({@link #unreadable}: malformed CSV, or not as many values as the header has columns) has a single problem
 * of the whole row ({@code field} null) and no values.
 *
 * @param number the record number in the file, the header being 1
 */
record ImportRow(
        long number,
        @ValidCorporateNumber String corporateNumber,
        NoCorporateNumberReason noCorporateNumberReason,
        ProfileInput profile,
        @Valid OwnerInput owner,
        LocalDate expiresOn,
        List<InvalidField> problems) {

    private static final Pattern LIST_SEPARATOR = Pattern.compile(";");
    // what a spreadsheet writes for Alt+Enter; other separators (U+2028, NEL, VT...) are left to the text policy
    private static final Pattern LINE_BREAKS = Pattern.compile("\r\n|[\r\n]");
    private static final Pattern ONE_DIGIT = Pattern.compile("^[0-9]$");
    private static final Pattern ENUM_SEPARATORS = Pattern.compile("[\\s\\-]+");
    private static final Pattern PROFILE_FIELD = Pattern.compile("^([A-Za-z]+)(.*)$");
    // ISO dates, and the yyyy/m/d that Japanese spreadsheets write
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-M-d", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu/M/d", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT));

    ImportRow {
        problems = List.copyOf(problems);
    }

    /** Reads a row's values (in file order) as the header places them. */
    static ImportRow read(long number, List<String> values, ImportHeader header) {
        if (values.size() != header.width()) {
            // which value belongs to which column is anybody's guess: read none of them
            return unreadable(number, "has " + values.size() + " values, the header names " + header.width()
                    + " columns");
        }
        List<InvalidField> problems = new ArrayList<>();
        Cells cells = new Cells(values, header, problems);
        String ownerName = cells.text(ImportColumn.OWNER_NAME);
        String ownerEmail = cells.text(ImportColumn.OWNER_EMAIL);
        ProfileInput profile = new ProfileInput(
                cells.text(ImportColumn.LEGAL_NAME),
                cells.text(ImportColumn.LEGAL_NAME_KANA),
                cells.text(ImportColumn.ENGLISH_NAME),
                cells.choice(ImportColumn.ORGANISATION_TYPE, OrganisationType.class),
                prefectureCode(cells.folded(ImportColumn.PREFECTURE_CODE)),
                cells.text(ImportColumn.ADDRESS),
                cells.text(ImportColumn.WEBSITE),
                cells.choice(ImportColumn.EMPLOYEE_BAND, EmployeeBand.class),
                cells.choice(ImportColumn.CAPITAL_BAND, CapitalBand.class),
                cells.jsicCodes(),
                cells.list(ImportColumn.TECHNOLOGY_FIELDS),
                cells.list(ImportColumn.KEYWORDS),
                cells.list(ImportColumn.CLUSTER_IDS),
                cells.choice(ImportColumn.TYPOLOGY, TargetTypology.class),
                List.of()); // contact persons are added in the portal, not imported
        return new ImportRow(number,
                cells.folded(ImportColumn.CORPORATE_NUMBER),
                cells.choice(ImportColumn.NO_CORPORATE_NUMBER_REASON, NoCorporateNumberReason.class),
                profile,
                // both owner columns or neither: an owner is a person to sign in, with a name and an address
                ownerName == null && ownerEmail == null ? null : new OwnerInput(ownerName, ownerEmail),
                cells.date(ImportColumn.EXPIRES_ON),
                problems);
    }

    /** A row none of whose values can be trusted, for the reason given: it is rejected as a whole. */
    static ImportRow unreadable(long number, String why) {
        return new ImportRow(number, null, null, null, null, null, List.of(new InvalidField(null, why)));
    }

    /** Whether the values could be read at all; if not, {@link #problems} says why and nothing else is looked at. */
    boolean readable() {
        return profile != null;
    }

    /** A row without a single value (e.g. the trailing {@code ,,,} lines of spreadsheet exports): skipped. */
    static boolean blank(List<String> values) {
        return values.stream().allMatch(value -> value == null || value.isBlank());
    }

    /**
     * Rows that may be the same organisation share a key, so that they are imported one after the other and the
     * second one finds the first: the corporate number, else the normalised name in its prefecture.
     */
    String identityKey() {
        if (!readable()) {
            return "row:" + number;
        }
        if (corporateNumber != null) {
            return "number:" + corporateNumber;
        }
        String legalName = profile.legalName();
        return "name:" + (legalName == null ? "" : OrganisationNames.normalised(legalName)) + "@"
                + profile.prefectureCode();
    }

    /** A field the profile rules named ({@code jsicCodes[0].code}) as the file names it ({@code jsic_codes[0].code}). */
    static String columnOf(String profileField) {
        if (profileField == null) {
            return null;
        }
        Optional<ImportColumn> whole = ImportColumn.ofProfileField(profileField);
        if (whole.isPresent()) {
            return whole.get().header();
        }
        Matcher matcher = PROFILE_FIELD.matcher(profileField);
        if (!matcher.matches()) {
            return profileField;
        }
        return ImportColumn.ofProfileField(matcher.group(1))
                .map(column -> column.header() + matcher.group(2))
                .orElse(profileField);
    }

    /** Spreadsheets drop the leading zero of {@code 01}..{@code 09}. */
    private static String prefectureCode(String code) {
        return code != null && ONE_DIGIT.matcher(code).matches() ? "0" + code : code;
    }

    /** The values of one row and the problems found reading them. */
    private record Cells(List<String> values, ImportHeader header, List<InvalidField> problems) {

        /**
         * As written, in NFC, but line breaks inside the cell (Alt+Enter in a spreadsheet) as spaces; blank is
         * absent. A cell the platform's text policy refuses (bidirectional, invisible, control characters...) is a
         * problem of its column and absent. The profile rules strip and check the rest.
         */
        String text(ImportColumn column) {
            String value = header.valueOf(column, values);
            if (value == null || value.isBlank()) {
                return null;
            }
            String text = TextPolicy.normalised(LINE_BREAKS.matcher(value).replaceAll(" "));
            Optional<String> refused = TextPolicy.problemWith(text, TextPolicy.Lines.SINGLE);
            if (refused.isPresent()) {
                problems.add(new InvalidField(column.header(), refused.get()));
                return null;
            }
            return text;
        }

        /** Full-width digits and letters folded to ASCII (NFKC), stripped. */
        String folded(ImportColumn column) {
            String value = text(column);
            return value == null ? null : Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
        }

        /** A vocabulary value, in any case, with spaces or hyphens for underscores: {@code start-up} is START_UP. */
        <E extends Enum<E>> E choice(ImportColumn column, Class<E> type) {
            String value = folded(column);
            if (value == null) {
                return null;
            }
            String name = ENUM_SEPARATORS.matcher(value).replaceAll("_").toUpperCase(Locale.ROOT);
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(name)) {
                    return constant;
                }
            }
            problems.add(new InvalidField(column.header(),
                    "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }

        /** {@code ;}-separated, each entry stripped, empty entries dropped. */
        List<String> list(ImportColumn column) {
            String value = text(column);
            if (value == null) {
                return List.of();
            }
            return LIST_SEPARATOR.splitAsStream(Normalizer.normalize(value, Normalizer.Form.NFKC))
                    .map(String::strip).filter(entry -> !entry.isEmpty()).toList();
        }

        /** {@code revision:code} entries, e.g. {@code 14:2611;14:E}. */
        List<JsicCodeInput> jsicCodes() {
            List<String> entries = list(ImportColumn.JSIC_CODES);
            List<JsicCodeInput> codes = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                String[] parts = entries.get(i).split(":", -1);
                if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                    problems.add(new InvalidField(ImportColumn.JSIC_CODES.header() + "[" + i + "]",
                            "must be revision:code, e.g. 14:2611"));
                } else {
                    codes.add(new JsicCodeInput(parts[0].strip(), parts[1].strip()));
                }
            }
            return codes;
        }

        LocalDate date(ImportColumn column) {
            String value = folded(column);
            if (value == null) {
                return null;
            }
            for (DateTimeFormatter format : DATES) {
                try {
                    return LocalDate.parse(value, format);
                } catch (DateTimeParseException notThisFormat) {
                    // try the next
                }
            }
            problems.add(new InvalidField(column.header(), "must be a date, e.g. 2027-03-31"));
            return null;
        }
    }
}
