package jp.iinj.memberregistry.search;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import jp.iinj.contracts.membership.OrganisationType;
import jp.iinj.contracts.regions.PrefectureDirectory;
import jp.iinj.contracts.regions.RegionalBureau;
import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.httpapi.core.problems.InvalidField;
import jp.iinj.httpapi.core.validation.QueryParameters;
import jp.iinj.httpapi.core.text.TextPolicy;
import jp.iinj.memberregistry.organisation.MembershipStatus;

/**
 * The query string of a list request, checked: only the parameters below, each once (except {@code status}), each
 * with a value from its allow-list or pattern. Nothing else reaches the query.
 *
 * @param bureau           a regional bureau id, e.g. {@code kanto}
 * @param prefectureCode   a known JIS X 0401 code
 * @param statuses         any of these (empty: any status)
 * @param keyword          NFC, stripped, 1..100 letters, digits, spaces and a little punctuation
 * @param duplicateFlagged {@code true}: flagged as possible duplicates, not yet cleared; {@code false}: the others
 * @param cursor           as the previous page gave it; checked against the filters when the list is read
 */
public record OrganisationSearchRequest(
        String bureau,
        String prefectureCode,
        OrganisationType organisationType,
        String clusterId,
        Set<MembershipStatus> statuses,
        String keyword,
        Boolean duplicateFlagged,
        SearchSort sort,
        int limit,
        String cursor) {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    static final int MAX_KEYWORD = 100;

    static final String BUREAU = "bureau";
    static final String PREFECTURE = "prefecture";
    static final String TYPE = "type";
    static final String CLUSTER = "cluster";
    static final String STATUS = "status";
    static final String KEYWORD = "q";
    static final String DUPLICATE_FLAGGED = "duplicateFlagged";
    static final String SORT = "sort";
    static final String LIMIT = "limit";
    static final String CURSOR = "cursor";

    private static final Set<String> PARAMETERS = Set.of(BUREAU, PREFECTURE, TYPE, CLUSTER, STATUS, KEYWORD,
            DUPLICATE_FLAGGED, SORT, LIMIT, CURSOR);
    private static final Set<String> REPEATABLE = Set.of(STATUS);
    private static final Pattern CLUSTER_ID = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");
    // no regex or operator characters ($ * \ [ { ^ | ? +): what is searched for is plain text, quoted anyway;
    // other symbols (So) such as ㈱ are, since names are written with them
    private static final Pattern KEYWORD_CHARACTERS =
            Pattern.compile("^[\\p{L}\\p{M}\\p{N}\\p{So} \\u3000&'.,()（）・\\-]+$");

    public OrganisationSearchRequest {
        statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
    }

    /**
     * @throws FieldValidationException naming every parameter that is unknown, repeated or invalid
     */
    public static OrganisationSearchRequest from(MultiValueMap<String, String> query) {
        List<InvalidField> problems = new ArrayList<>();
        QueryParameters.check(query, PARAMETERS, REPEATABLE, problems);
        String bureau = query.getFirst(BUREAU);
        if (bureau != null && RegionalBureau.byId(bureau).isEmpty()) {
            problems.add(new InvalidField(BUREAU, "unknown bureau; one of " + Arrays.stream(RegionalBureau.values())
                    .map(RegionalBureau::id).collect(Collectors.joining(", "))));
        }
        String prefecture = query.getFirst(PREFECTURE);
        if (prefecture != null && PrefectureDirectory.current().byJisCode(prefecture).isEmpty()) {
            problems.add(new InvalidField(PREFECTURE, "unknown JIS X 0401 prefecture code"));
        }
        OrganisationType type = null;
        String typeName = query.getFirst(TYPE);
        if (typeName != null) {
            type = Arrays.stream(OrganisationType.values()).filter(known -> known.name().equals(typeName))
                    .findFirst().orElse(null);
            if (type == null) {
                problems.add(new InvalidField(TYPE, "one of " + Arrays.toString(OrganisationType.values())));
            }
        }
        String cluster = query.getFirst(CLUSTER);
        if (cluster != null && !CLUSTER_ID.matcher(cluster).matches()) {
            problems.add(new InvalidField(CLUSTER, "not a cluster id"));
        }
        Set<MembershipStatus> statuses = statuses(query.get(STATUS), problems);
        String keyword = keyword(query.getFirst(KEYWORD), problems);
        Boolean duplicateFlagged = null;
        String flagged = query.getFirst(DUPLICATE_FLAGGED);
        if (flagged != null) {
            if (flagged.equals("true") || flagged.equals("false")) {
                duplicateFlagged = Boolean.valueOf(flagged);
            } else {
                problems.add(new InvalidField(DUPLICATE_FLAGGED, "true or false"));
            }
        }
        SearchSort sort = SearchSort.DEFAULT;
        String sortName = query.getFirst(SORT);
        if (sortName != null) {
            sort = SearchSort.byParameter(sortName).orElse(null);
            if (sort == null) {
                problems.add(new InvalidField(SORT, "one of " + Arrays.stream(SearchSort.values())
                        .map(SearchSort::parameter).collect(Collectors.joining(", "))));
            }
        }
        int limit = QueryParameters.limit(LIMIT, query.getFirst(LIMIT), DEFAULT_LIMIT, MAX_LIMIT, problems);
        String cursor = query.getFirst(CURSOR);
        if (cursor != null && (cursor.isEmpty() || cursor.length() > SearchCursor.MAX_LENGTH)) {
            problems.add(new InvalidField(CURSOR, "not a cursor of this list"));
        }
        if (!problems.isEmpty()) {
            throw new FieldValidationException(problems);
        }
        return new OrganisationSearchRequest(bureau, prefecture, type, cluster, statuses, keyword, duplicateFlagged,
                sort, limit, cursor);
    }

    /**
     * Identifies the filters and the order, not the page: a cursor remembers it, so that it is not used with
     * other filters, where its position would mean something else.
     */
    public String filterHash() {
        String canonical = String.join("\n", BUREAU + "=" + nullable(bureau), PREFECTURE + "=" + nullable(prefectureCode),
                TYPE + "=" + nullable(organisationType), CLUSTER + "=" + nullable(clusterId),
                STATUS + "=" + statuses.stream().sorted().map(Enum::name).collect(Collectors.joining(",")),
                KEYWORD + "=" + nullable(keyword), DUPLICATE_FLAGGED + "=" + nullable(duplicateFlagged),
                SORT + "=" + sort.parameter());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** These filters, order and limit as a query string, for the link to the next page (which adds its cursor). */
    public MultiValueMap<String, String> withoutCursor() {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        putIfPresent(query, BUREAU, bureau);
        putIfPresent(query, PREFECTURE, prefectureCode);
        putIfPresent(query, TYPE, organisationType == null ? null : organisationType.name());
        putIfPresent(query, CLUSTER, clusterId);
        statuses.stream().sorted().forEach(status -> query.add(STATUS, status.name()));
        putIfPresent(query, KEYWORD, keyword);
        putIfPresent(query, DUPLICATE_FLAGGED, duplicateFlagged == null ? null : duplicateFlagged.toString());
        query.add(SORT, sort.parameter());
        query.add(LIMIT, Integer.toString(limit));
        return query;
    }

    private static Set<MembershipStatus> statuses(List<String> values, List<InvalidField> problems) {
        if (values == null) {
            return Set.of();
        }
        if (values.size() > MembershipStatus.values().length) {
            problems.add(new InvalidField(STATUS, "at most " + MembershipStatus.values().length + " statuses"));
            return Set.of();
        }
        Set<MembershipStatus> statuses = EnumSet.noneOf(MembershipStatus.class);
        for (String value : values) {
            if (value == null) {
                continue; // reported as a parameter without a value
            }
            Arrays.stream(MembershipStatus.values()).filter(known -> known.name().equals(value)).findFirst()
                    .ifPresentOrElse(statuses::add, () -> problems.add(new InvalidField(STATUS,
                            "one of " + Arrays.toString(MembershipStatus.values()))));
        }
        return statuses;
    }

    /** Held to the platform's text policy like any text a person sends, then to the search's own characters. */
    private static String keyword(String value, List<InvalidField> problems) {
        if (value == null) {
            return null;
        }
        Optional<String> refused = TextPolicy.problemWith(value, TextPolicy.Lines.SINGLE);
        if (refused.isPresent()) {
            problems.add(new InvalidField(KEYWORD, refused.get()));
            return null;
        }
        String stripped = TextPolicy.normalised(value).strip();
        if (TextPolicy.length(value) > MAX_KEYWORD || stripped.isEmpty()) {
            problems.add(new InvalidField(KEYWORD, "size must be between 1 and " + MAX_KEYWORD));
            return null;
        }
        if (!KEYWORD_CHARACTERS.matcher(stripped).matches()) {
            problems.add(new InvalidField(KEYWORD, "letters, digits, spaces and - . , & ' ( ) ・ only"));
            return null;
        }
        return stripped;
    }



    private static void putIfPresent(MultiValueMap<String, String> query, String name, String value) {
        if (value != null) {
            query.add(name, value);
        }
    }

    private static String nullable(Object value) {
        return value == null ? "" : value.toString();
    }
}
