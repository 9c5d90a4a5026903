package jp.iinj.memberregistry.profile;

import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import jp.iinj.contracts.membership.JsicCode;
import jp.iinj.contracts.membership.TechnologyFieldVocabulary;
import jp.iinj.contracts.regions.Prefecture;
import jp.iinj.contracts.regions.PrefectureDirectory;
import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.httpapi.core.problems.InvalidField;
import jp.iinj.memberregistry.organisation.ContactPerson;
import jp.iinj.memberregistry.organisation.OrganisationProfile;
import reactor.core.publisher.Mono;

/**
 * Every rule of an organisation profile, in one place for registration, profile updates and imports: lengths,
 * characters, reference data (prefectures, technology fields, JSIC revisions) and the cluster catalogue. Strings are
 * stripped; lists are de-duplicated. Nothing reaches a query or a document before it passed here.
 */
@Component
public class ProfileRules {

    /** JSIC revisions accepted: the 14th (published July 2023, in force from April 2024). */
    public static final Set<String> JSIC_REVISIONS = Set.of("14");

    static final int MAX_NAME = 200;
    static final int MAX_ADDRESS = 300;
    static final int MAX_WEBSITE = 500;
    static final int MAX_JSIC_CODES = 20;
    static final int MAX_TECHNOLOGY_FIELDS = 20;
    static final int MAX_KEYWORDS = 30;
    static final int MAX_KEYWORD = 60;
    static final int MAX_CLUSTERS = 20;
    static final int MAX_CONTACTS = 10;

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Pattern KATAKANA = Pattern.compile("^[\\p{IsKatakana}ー・ 　]+$");
    private static final Pattern JSIC_CODE = Pattern.compile("^([A-T]|[0-9]{2,4})$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+$");
    private static final Pattern PHONE = Pattern.compile("^[0-9+()\\- ]{6,20}$");

    private final PrefectureDirectory prefectures = PrefectureDirectory.current();
    private final TechnologyFieldVocabulary technologyFields = TechnologyFieldVocabulary.current();
    private final KnownClusters clusters;

    public ProfileRules(KnownClusters clusters) {
        this.clusters = clusters;
    }

    /**
     * The checked profile, or a {@link FieldValidationException} naming every invalid field, together with
     * {@code otherProblems} the caller found in fields outside the profile.
     */
    public Mono<OrganisationProfile> check(ProfileInput input, List<InvalidField> otherProblems) {
        List<InvalidField> problems = new ArrayList<>(otherProblems);
        String legalName = requiredText(input.legalName(), "legalName", MAX_NAME, problems);
        String kana = optionalText(input.legalNameKana(), "legalNameKana", MAX_NAME, problems);
        if (kana != null) {
            kana = Normalizer.normalize(kana, Normalizer.Form.NFKC); // half-width katakana to full-width
            if (!KATAKANA.matcher(kana).matches()) {
                problems.add(new InvalidField("legalNameKana", "must be written in katakana"));
            }
        }
        String englishName = optionalText(input.englishName(), "englishName", MAX_NAME, problems);
        if (input.organisationType() == null) {
            problems.add(new InvalidField("organisationType", "must not be null"));
        }
        Optional<Prefecture> prefecture = prefectures.byJisCode(input.prefectureCode());
        if (prefecture.isEmpty()) {
            problems.add(new InvalidField("prefectureCode", "unknown JIS X 0401 prefecture code"));
        }
        String address = optionalText(input.address(), "address", MAX_ADDRESS, problems);
        String website = website(input.website(), problems);
        List<JsicCode> jsicCodes = jsicCodes(input.jsicCodes(), problems);
        List<String> fields = distinct(input.technologyFields(), "technologyFields", MAX_TECHNOLOGY_FIELDS, problems,
                field -> technologyFields.contains(field) ? null
                        : "not in the technology-field vocabulary " + TechnologyFieldVocabulary.CURRENT_VERSION);
        List<String> keywords = distinct(strippedAll(input.keywords()), "keywords", MAX_KEYWORDS, problems,
                keyword -> keyword == null || keyword.isEmpty() ? "must not be blank"
                        : keyword.length() > MAX_KEYWORD ? "size must be between 1 and " + MAX_KEYWORD
                        : CONTROL.matcher(keyword).find() ? "must not contain control characters" : null);
        List<String> clusterIds = distinct(input.clusterIds(), "clusterIds", MAX_CLUSTERS, problems,
                id -> id == null || id.isBlank() ? "not a cluster id" : null);
        List<ContactPerson> contacts = contacts(input.contacts(), problems);

        String checkedName = legalName;
        String checkedKana = kana;
        return clusterProblems(clusterIds, problems).flatMap(allProblems -> {
            if (!allProblems.isEmpty()) {
                return Mono.error(new FieldValidationException(allProblems));
            }
            Prefecture place = prefecture.orElseThrow();
            return Mono.just(new OrganisationProfile(checkedName, checkedKana, englishName, input.organisationType(),
                    place.jisCode(), place.bureau().id(), address, website, input.employeeBand(), input.capitalBand(),
                    jsicCodes, fields, keywords, clusterIds, input.typology(), contacts));
        });
    }

    /** The catalogue decides which ids name active clusters (it never queries ids not of its shape). */
    private Mono<List<InvalidField>> clusterProblems(List<String> clusterIds, List<InvalidField> problems) {
        boolean malformed = problems.stream().anyMatch(problem -> problem.field().startsWith("clusterIds"));
        if (clusterIds.isEmpty() || malformed) {
            return Mono.just(problems);
        }
        return clusters.unknownOrInactive(clusterIds).map(unknown -> {
            List<InvalidField> all = new ArrayList<>(problems);
            for (int i = 0; i < clusterIds.size(); i++) {
                if (unknown.contains(clusterIds.get(i))) {
                    all.add(new InvalidField("clusterIds[" + i + "]", "no active cluster " + clusterIds.get(i)));
                }
            }
            return all;
        });
    }

    /** Required text: stripped, 1..max characters, no control characters. */
    public static String requiredText(String value, String field, int max, List<InvalidField> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new InvalidField(field, "must not be blank"));
            return null;
        }
        return optionalText(value, field, max, problems);
    }

    /** Optional text: {@code null} when absent or blank, else stripped, at most max characters, no control characters. */
    public static String optionalText(String value, String field, int max, List<InvalidField> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            problems.add(new InvalidField(field, "size must be between 1 and " + max));
        } else if (CONTROL.matcher(stripped).find()) {
            problems.add(new InvalidField(field, "must not contain control characters"));
        }
        return stripped;
    }

    /** An e-mail address: stripped, at most 254 characters, one {@code @} and a dot in the domain. */
    public static String email(String value, String field, List<InvalidField> problems) {
        String email = requiredText(value, field, 254, problems);
        if (email != null && !EMAIL.matcher(email).matches()) {
            problems.add(new InvalidField(field, "must be a well-formed email address"));
        }
        return email;
    }

    private static String website(String value, List<InvalidField> problems) {
        String website = optionalText(value, "website", MAX_WEBSITE, problems);
        if (website == null) {
            return null;
        }
        try {
            URI uri = new URI(website);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                problems.add(new InvalidField("website", "must be an http or https URL"));
            }
        } catch (URISyntaxException e) {
            problems.add(new InvalidField("website", "must be an http or https URL"));
        }
        return website;
    }

    private static List<JsicCode> jsicCodes(List<ProfileInput.JsicCodeInput> input, List<InvalidField> problems) {
        if (input == null) {
            return List.of();
        }
        if (input.size() > MAX_JSIC_CODES) {
            problems.add(new InvalidField("jsicCodes", "at most " + MAX_JSIC_CODES + " codes"));
            return List.of();
        }
        Set<JsicCode> codes = new LinkedHashSet<>();
        for (int i = 0; i < input.size(); i++) {
            ProfileInput.JsicCodeInput code = input.get(i);
            String field = "jsicCodes[" + i + "]";
            if (code == null || code.revision() == null || !JSIC_REVISIONS.contains(code.revision())) {
                problems.add(new InvalidField(field + ".revision", "must be one of " + JSIC_REVISIONS));
            } else if (code.code() == null || !JSIC_CODE.matcher(code.code()).matches()) {
                problems.add(new InvalidField(field + ".code", "must be a division letter A-T or a 2-4 digit code"));
            } else {
                codes.add(new JsicCode(code.revision(), code.code()));
            }
        }
        return List.copyOf(codes);
    }

    private static List<ContactPerson> contacts(List<ProfileInput.ContactInput> input, List<InvalidField> problems) {
        if (input == null) {
            return List.of();
        }
        if (input.size() > MAX_CONTACTS) {
            problems.add(new InvalidField("contacts", "at most " + MAX_CONTACTS + " contact persons"));
            return List.of();
        }
        List<ContactPerson> contacts = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            ProfileInput.ContactInput contact = input.get(i);
            String field = "contacts[" + i + "]";
            if (contact == null) {
                problems.add(new InvalidField(field, "must not be null"));
                continue;
            }
            String name = requiredText(contact.name(), field + ".name", 100, problems);
            String department = optionalText(contact.department(), field + ".department", 100, problems);
            String email = email(contact.email(), field + ".email", problems);
            String phone = optionalText(contact.phone(), field + ".phone", 20, problems);
            if (phone != null && !PHONE.matcher(phone).matches()) {
                problems.add(new InvalidField(field + ".phone", "digits, spaces, +, - and parentheses only"));
            }
            contacts.add(new ContactPerson(name, department, email, phone));
        }
        return contacts;
    }

    private static List<String> strippedAll(List<String> values) {
        return values == null ? null : values.stream().map(value -> value == null ? null : value.strip()).toList();
    }

    /** The list without repeats, each element checked by {@code problemWith} (null: fine). */
    private static List<String> distinct(List<String> values, String field, int max, List<InvalidField> problems,
                                         Function<String, String> problemWith) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > max) {
            problems.add(new InvalidField(field, "at most " + max + " entries"));
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            String problem = problemWith.apply(value);
            if (problem != null) {
                problems.add(new InvalidField(field + "[" + i + "]", problem));
            } else if (seen.add(value)) {
                kept.add(value);
            }
        }
        return kept;
    }
}
