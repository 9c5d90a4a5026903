package jp.iinj.memberregistry.search;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Sort.Direction;

import jp.iinj.memberregistry.organisation.Organisation;

/**
 * The orders a list may be sorted in: the allow-list of {@code sort}. Each has {@code _id} as tie-breaker, in the
 * same direction, so that a page ends at one exact position that the next page's cursor starts after.
 */
public enum SearchSort {

    REGISTERED_AT_DESC("-registeredAt", "membership.registeredAt", Direction.DESC, Value.INSTANT,
            organisation -> organisation.membership().registeredAt()),
    REGISTERED_AT("registeredAt", "membership.registeredAt", Direction.ASC, Value.INSTANT,
            organisation -> organisation.membership().registeredAt()),
    // the normalised name: 「株式会社A」 and 「A（株）」 sort together, by name rather than by legal form
    LEGAL_NAME("legalName", "normalisedName", Direction.ASC, Value.TEXT, Organisation::normalisedName),
    LEGAL_NAME_DESC("-legalName", "normalisedName", Direction.DESC, Value.TEXT, Organisation::normalisedName),
    UPDATED_AT("updatedAt", "updatedAt", Direction.ASC, Value.INSTANT, Organisation::updatedAt),
    UPDATED_AT_DESC("-updatedAt", "updatedAt", Direction.DESC, Value.INSTANT, Organisation::updatedAt);

    public static final SearchSort DEFAULT = REGISTERED_AT_DESC;

    /** Longer than any normalised legal name (200 characters, NFKC may expand some): anything longer is forged. */
    private static final int MAX_TEXT_VALUE = 1000;

    private final String parameter;
    private final String field;
    private final Direction direction;
    private final Value value;
    private final Function<Organisation, Object> valueOf;

    SearchSort(String parameter, String field, Direction direction, Value value,
               Function<Organisation, Object> valueOf) {
        this.parameter = parameter;
        this.field = field;
        this.direction = direction;
        this.value = value;
        this.valueOf = valueOf;
    }

    /** How the sort value travels in a cursor. */
    enum Value {
        INSTANT, TEXT
    }

    public static Optional<SearchSort> byParameter(String parameter) {
        return Arrays.stream(values()).filter(sort -> sort.parameter.equals(parameter)).findFirst();
    }

    /** The value of {@code sort} that selects this order. */
    public String parameter() {
        return parameter;
    }

    /** The document field sorted on. */
    public String field() {
        return field;
    }

    public Direction direction() {
        return direction;
    }

    public Sort sort() {
        return Sort.by(direction, field).and(Sort.by(direction, "_id"));
    }

    /** The organisation's sort value: an {@link Instant} or a string, which a cursor carries as its text. */
    Object valueOf(Organisation organisation) {
        return valueOf.apply(organisation);
    }

    /** A sort value from a cursor's text, as the query compares it; empty if this order could not have written it. */
    Optional<Object> parse(String encoded) {
        if (encoded == null) {
            return Optional.empty();
        }
        return switch (value) {
            case INSTANT -> {
                try {
                    yield Optional.of(Instant.parse(encoded));
                } catch (DateTimeParseException notAnInstant) {
                    yield Optional.empty();
                }
            }
            case TEXT -> encoded.length() <= MAX_TEXT_VALUE ? Optional.of(encoded) : Optional.empty();
        };
    }
}
