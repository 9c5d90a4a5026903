package jp.iinj.memberregistry.search;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.query.Criteria;

import jp.iinj.httpapi.core.json.StrictJsonReading;
import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.memberregistry.organisation.Organisation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the previous page ended: its order, the sort value and id of its last organisation, and a hash of the
 * filters it was asked with. The next page starts strictly after that position (keyset, not skip), so organisations
 * registered in between neither repeat an organisation nor push one out. Opaque to clients: base64url of JSON.
 *
 * <p>Not signed: a client that forges one only moves its position within what it may list anyway, because filters
 * and bureau confinement are applied afresh to every page.
 */
record SearchCursor(SearchSort sort, Object lastValue, String lastId, String filterHash) {

    /** Far more than an honest cursor needs; a longer one is not decoded at all. */
    static final int MAX_LENGTH = 2048;

    private static final String FIELD = "cursor";
    private static final Pattern BASE64URL = Pattern.compile("^[A-Za-z0-9_-]+={0,2}$");
    private static final Pattern ID = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");
    private static final JsonMapper JSON = StrictJsonReading.strict(JsonMapper.builder().build());

    /** As it travels: short names keep the cursor short. */
    private record Encoded(String s, String v, String id, String f) {
    }

    /** The cursor after {@code last}, the last organisation of a page. */
    static SearchCursor after(Organisation last, SearchSort sort, String filterHash) {
        return new SearchCursor(sort, sort.valueOf(last), last.id(), filterHash);
    }

    String encode() {
        byte[] json = JSON.writeValueAsBytes(new Encoded(sort.parameter(), String.valueOf(lastValue), lastId, filterHash));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
    }

    /**
     * The cursor a client sent back, provided it was issued for this order and these filters.
     *
     * @throws FieldValidationException ({@code cursor}) for anything else: garbage, a changed cursor, or one from a
     *                                  list with other filters or another order
     */
    static SearchCursor decode(String token, SearchSort expectedSort, String expectedFilterHash) {
        if (token == null || token.isEmpty() || token.length() > MAX_LENGTH || !BASE64URL.matcher(token).matches()) {
            throw invalid("not a cursor of this list");
        }
        Encoded encoded;
        try {
            encoded = JSON.readValue(Base64.getUrlDecoder().decode(token), Encoded.class);
        } catch (IllegalArgumentException | JacksonException notOurs) {
            throw invalid("not a cursor of this list");
        }
        if (encoded == null || encoded.s() == null || encoded.id() == null || encoded.f() == null
                || !ID.matcher(encoded.id()).matches()) {
            throw invalid("not a cursor of this list");
        }
        SearchSort sort = SearchSort.byParameter(encoded.s())
                .orElseThrow(() -> invalid("not a cursor of this list"));
        if (sort != expectedSort || !encoded.f().equals(expectedFilterHash)) {
            throw invalid("this cursor belongs to a list with other filters or another sort; "
                    + "send the same parameters as for the first page, or start again without a cursor");
        }
        Object value = sort.parse(encoded.v()).orElseThrow(() -> invalid("not a cursor of this list"));
        return new SearchCursor(sort, value, encoded.id(), encoded.f());
    }

    /** Organisations after this position in the cursor's order. */
    Criteria following() {
        boolean descending = sort.direction() == Direction.DESC;
        Criteria beyondValue = descending ? where(sort.field()).lt(lastValue) : where(sort.field()).gt(lastValue);
        Criteria sameValueBeyondId = descending
                ? where(sort.field()).is(lastValue).and("_id").lt(lastId)
                : where(sort.field()).is(lastValue).and("_id").gt(lastId);
        return new Criteria().orOperator(beyondValue, sameValueBeyondId);
    }

    private static FieldValidationException invalid(String message) {
        return new FieldValidationException(FIELD, message);
    }
}
