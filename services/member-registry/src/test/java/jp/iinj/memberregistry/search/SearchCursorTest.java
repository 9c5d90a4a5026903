package jp.iinj.memberregistry.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.data.domain.Sort;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import jp.iinj.contracts.membership.OrganisationType;
import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.memberregistry.organisation.Membership;
import jp.iinj.memberregistry.organisation.MembershipStatus;
import jp.iinj.memberregistry.organisation.Organisation;
import jp.iinj.memberregistry.organisation.OrganisationProfile;

/** Cursors survive the round trip, and refuse whatever they were not issued for; sort and parameters allow-listed. */
class SearchCursorTest {

    private static final Instant REGISTERED = Instant.parse("2026-04-01T09:30:15.123Z");
    private static final Organisation LAST = Organisation.registered("5f0c7a1e-3b9d-4c55-9a51-0a8e2b7d11aa",
            new OrganisationProfile("株式会社信濃川精機", null, "Shinanogawa Seiki", OrganisationType.SME, "15", "chubu",
                    null, null, null, null, null, null, null, null, null, null),
            "7000012050002", null, null, Membership.applied(REGISTERED), null, null, REGISTERED.plusSeconds(60));

    @ParameterizedTest
    @EnumSource(SearchSort.class)
    void encodesAndDecodesThePositionForEverySort(SearchSort sort) {
        String hash = request("sort", sort.parameter()).filterHash();
        String token = SearchCursor.after(LAST, sort, hash).encode();

        SearchCursor decoded = SearchCursor.decode(token, sort, hash);

        assertThat(token).matches("^[A-Za-z0-9_-]+$");
        assertThat(decoded.sort()).isEqualTo(sort);
        assertThat(decoded.lastId()).isEqualTo(LAST.id());
        assertThat(decoded.lastValue()).isEqualTo(switch (sort) {
            case REGISTERED_AT, REGISTERED_AT_DESC -> REGISTERED;
            case UPDATED_AT, UPDATED_AT_DESC -> REGISTERED.plusSeconds(60);
            case LEGAL_NAME, LEGAL_NAME_DESC -> "信濃川精機";
        });
    }

    @Test
    void theNextPageStartsStrictlyAfterTheLastPositionWithTheIdAsTieBreaker() {
        Document descending = SearchCursor.after(LAST, SearchSort.REGISTERED_AT_DESC, "h").following().getCriteriaObject();
        Document ascending = SearchCursor.after(LAST, SearchSort.LEGAL_NAME, "h").following().getCriteriaObject();

        assertThat(descending.toString())
                .contains("membership.registeredAt=Document{{$lt=" + REGISTERED + "}}")
                .contains("membership.registeredAt=" + REGISTERED + ", _id=Document{{$lt=" + LAST.id() + "}}")
                .doesNotContain("$gt");
        assertThat(ascending.toString()).contains("normalisedName=Document{{$gt=信濃川精機}}")
                .contains("normalisedName=信濃川精機, _id=Document{{$gt=" + LAST.id() + "}}")
                .doesNotContain("$lt");
    }

    @Test
    void refusesACursorUsedWithOtherFiltersOrAnotherSort() {
        String token = SearchCursor.after(LAST, SearchSort.REGISTERED_AT_DESC,
                request("status", "APPLIED").filterHash()).encode();

        assertRefused(() -> SearchCursor.decode(token, SearchSort.REGISTERED_AT_DESC,
                request("status", "ACTIVE").filterHash()));
        assertRefused(() -> SearchCursor.decode(token, SearchSort.REGISTERED_AT_DESC, request().filterHash()));
        assertRefused(() -> SearchCursor.decode(token, SearchSort.REGISTERED_AT,
                request("status", "APPLIED").filterHash()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "!!!", "eyJ9", "e30", "bnVsbA", "W10"})
    void refusesGarbage(String token) {
        assertRefused(() -> SearchCursor.decode(token, SearchSort.DEFAULT, request().filterHash()));
    }

    @Test
    void refusesAChangedCursor() {
        String hash = request().filterHash();
        assertRefused(() -> SearchCursor.decode(json("{\"s\":\"-registeredAt\",\"v\":\"yesterday\",\"id\":\"a\",\"f\":\""
                + hash + "\"}"), SearchSort.DEFAULT, hash));
        assertRefused(() -> SearchCursor.decode(json("{\"s\":\"owner.email\",\"v\":\"x\",\"id\":\"a\",\"f\":\""
                + hash + "\"}"), SearchSort.DEFAULT, hash));
        assertRefused(() -> SearchCursor.decode(json("{\"s\":\"-registeredAt\",\"v\":{\"$gt\":\"\"},\"id\":\"a\",\"f\":\""
                + hash + "\"}"), SearchSort.DEFAULT, hash));
        assertRefused(() -> SearchCursor.decode(json("{\"s\":\"-registeredAt\",\"v\":\"" + REGISTERED
                + "\",\"id\":{\"$ne\":null},\"f\":\"" + hash + "\"}"), SearchSort.DEFAULT, hash));
        assertRefused(() -> SearchCursor.decode(json("{\"s\":\"-registeredAt\",\"v\":\"" + REGISTERED
                + "\",\"id\":\"a\",\"f\":\"" + hash + "\",\"where\":\"1\"}"), SearchSort.DEFAULT, hash));
        assertRefused(() -> SearchCursor.decode("A".repeat(SearchCursor.MAX_LENGTH + 1), SearchSort.DEFAULT, hash));
    }

    @Test
    void sortsOnlyByTheAllowListedOrdersWithTheIdAsTieBreaker() {
        assertThat(List.of(SearchSort.values()).stream().map(SearchSort::parameter)).containsExactlyInAnyOrder(
                "registeredAt", "-registeredAt", "legalName", "-legalName", "updatedAt", "-updatedAt");
        assertThat(SearchSort.byParameter("owner.email")).isEmpty();
        assertThat(SearchSort.byParameter("REGISTEREDAT")).isEmpty();
        assertThat(SearchSort.byParameter("-legalName")).contains(SearchSort.LEGAL_NAME_DESC);
        assertThat(SearchSort.DEFAULT.sort()).containsExactly(Sort.Order.desc("membership.registeredAt"),
                Sort.Order.desc("_id"));
        assertThat(SearchSort.LEGAL_NAME.sort()).containsExactly(Sort.Order.asc("normalisedName"), Sort.Order.asc("_id"));
        assertFieldRefused("sort", () -> request("sort", "owner.email"));
    }

    @Test
    void refusesUnknownRepeatedAndInvalidParametersByName() {
        assertFieldRefused("status[$ne]", () -> request("status[$ne]", "x"));
        assertFieldRefused("bureau", () -> request("bureau", "kanto", "bureau", "kinki"));
        assertFieldRefused("limit", () -> request("limit", "0"));
        assertFieldRefused("limit", () -> request("limit", "101"));
        assertFieldRefused("limit", () -> request("limit", "abc"));
        assertFieldRefused("limit", () -> request("limit", "-1"));
        assertFieldRefused("q", () -> request("q", ".*"));
        assertFieldRefused("q", () -> request("q", "$where"));
        assertFieldRefused("q", () -> request("q", "a".repeat(101)));
        assertFieldRefused("q", () -> request("q", "  "));
        assertFieldRefused("bureau", () -> request("bureau", "Kanto"));
        assertFieldRefused("prefecture", () -> request("prefecture", "48"));
        assertFieldRefused("type", () -> request("type", "sme"));
        assertFieldRefused("cluster", () -> request("cluster", "a.b"));
        assertFieldRefused("status", () -> request("status", "ACTIVE", "status", "GONE"));
        assertFieldRefused("duplicateFlagged", () -> request("duplicateFlagged", "yes"));
    }

    @Test
    void acceptsTheAllowListedParameters() {
        OrganisationSearchRequest request = request("bureau", "kanto", "prefecture", "13", "type", "SME",
                "cluster", "tama-bio", "status", "ACTIVE", "status", "APPLIED", "q", "  信濃川 (株) ", "duplicateFlagged",
                "true", "sort", "legalName", "limit", "100");

        assertThat(request.statuses()).containsExactlyInAnyOrder(MembershipStatus.ACTIVE, MembershipStatus.APPLIED);
        assertThat(request.keyword()).isEqualTo("信濃川 (株)");
        assertThat(request.limit()).isEqualTo(100);
        assertThat(request.sort()).isEqualTo(SearchSort.LEGAL_NAME);
        assertThat(request().limit()).isEqualTo(20);
        assertThat(request().sort()).isEqualTo(SearchSort.REGISTERED_AT_DESC);
        // the order of repeated statuses does not make another list
        assertThat(request("status", "ACTIVE", "status", "APPLIED").filterHash())
                .isEqualTo(request("status", "APPLIED", "status", "ACTIVE").filterHash())
                .isNotEqualTo(request("status", "APPLIED").filterHash());
        assertThat(request("limit", "5").filterHash()).isEqualTo(request("limit", "50").filterHash());
    }

    private static OrganisationSearchRequest request(String... namesAndValues) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            query.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return OrganisationSearchRequest.from(query);
    }

    private static String json(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(ThrowingCallable decoding) {
        assertThatThrownBy(decoding).isInstanceOfSatisfying(FieldValidationException.class,
                refused -> assertThat(refused.errors()).extracting(error -> error.field()).containsExactly("cursor"));
    }

    private static void assertFieldRefused(String field, ThrowingCallable parse) {
        assertThatThrownBy(parse).isInstanceOfSatisfying(FieldValidationException.class,
                refused -> assertThat(refused.errors()).extracting(error -> error.field()).contains(field));
    }
}
