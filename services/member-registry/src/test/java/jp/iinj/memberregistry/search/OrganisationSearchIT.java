package jp.iinj.memberregistry.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.testing.tokens.TestTokens;
import jp.iinj.memberregistry.corporatenumber.TestCorporateNumbers;
import jp.iinj.memberregistry.organisation.Organisation;
import jp.iinj.memberregistry.organisation.OrganisationResponse;
import jp.iinj.memberregistry.support.MemberRegistryIntegrationTest;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The staff list: filters, orders, pages that neither repeat nor skip while organisations are registered, bureau
 * confinement, no personal data, and hostile parameters. Each test marks its organisations with a keyword of its
 * own and searches for it ({@code q}), so organisations of other tests in the shared database do not interfere.
 */
@MemberRegistryIntegrationTest
class OrganisationSearchIT {

    private static final String PATH = "/api/members/organisations";
    private static final String ADMIN = token("admin", PlatformRole.ADMIN, List.of());
    private static final String RB_KANTO = token("rb-kanto", PlatformRole.REGIONAL_BODY, List.of("kanto"));
    private static final String RB_KINKI = token("rb-kinki", PlatformRole.REGIONAL_BODY, List.of("kinki"));
    private static final String COORDINATOR_KANTO = token("coordinator", PlatformRole.COORDINATOR, List.of("kanto"));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient http;
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void eachFilterNarrowsTheListAndTheyCombineWithAnd() {
        String mark = mark();
        String cluster = activeCluster();
        String tokyoSme = register(org(mark, "東京精密", "13").type("SME").cluster(cluster));
        String kanagawaUniversity = register(org(mark, "神奈川大学", "14").type("UNIVERSITY"));
        String osakaStartUp = register(org(mark, "大阪創業", "27").type("START_UP"));
        approve(tokyoSme);

        assertThat(ids(ADMIN, "q", mark)).containsExactlyInAnyOrder(tokyoSme, kanagawaUniversity, osakaStartUp);
        assertThat(ids(ADMIN, "q", mark, "bureau", "kanto")).containsExactlyInAnyOrder(tokyoSme, kanagawaUniversity);
        assertThat(ids(ADMIN, "q", mark, "bureau", "kinki")).containsExactly(osakaStartUp);
        assertThat(ids(ADMIN, "q", mark, "prefecture", "14")).containsExactly(kanagawaUniversity);
        assertThat(ids(ADMIN, "q", mark, "type", "START_UP")).containsExactly(osakaStartUp);
        assertThat(ids(ADMIN, "q", mark, "cluster", cluster)).containsExactly(tokyoSme);
        assertThat(ids(ADMIN, "q", mark, "status", "ACTIVE")).containsExactly(tokyoSme);
        assertThat(ids(ADMIN, "q", mark, "status", "APPLIED")).containsExactlyInAnyOrder(kanagawaUniversity, osakaStartUp);
        assertThat(ids(ADMIN, "q", mark, "status", "APPLIED", "status", "ACTIVE"))
                .containsExactlyInAnyOrder(tokyoSme, kanagawaUniversity, osakaStartUp);
        assertThat(ids(ADMIN, "q", mark, "bureau", "kanto", "status", "APPLIED")).containsExactly(kanagawaUniversity);
        assertThat(ids(ADMIN, "q", mark, "bureau", "kinki", "type", "SME")).isEmpty();
        assertThat(ids(ADMIN, "q", mark, "status", "SUSPENDED")).isEmpty();
    }

    @Test
    void theKeywordMatchesNameKanaEnglishNameAndKeywordsAsQuotedText() {
        String mark = mark();
        String byName = register(org(mark, "株式会社信濃川" + mark + "精機", "15"));
        String byKana = register(org(mark, "越後工業", "15").kana("エチゴコウギョウ"));
        String byEnglish = register(org(mark, "長岡製作所", "15").english("Nagaoka Works (" + mark + ")"));
        String byKeyword = register(org(mark, "新潟化学", "15").keywords(mark + "-photonics"));

        // the legal form is normalised away on both sides; case does not matter
        assertThat(ids(ADMIN, "q", "㈱信濃川" + mark.toUpperCase())).containsExactly(byName);
        // half-width katakana is normalised to full-width, as the kana is stored
        assertThat(ids(ADMIN, "q", "ｴﾁｺﾞｺｳｷﾞｮｳ")).contains(byKana).doesNotContain(byName);
        // a keyword is NFC like every stored text: voiced marks sent apart (ゴ as コ + U+3099) are composed
        assertThat(ids(ADMIN, "q", "エチコ\u3099コウキ\u3099ョウ")).contains(byKana).doesNotContain(byName);
        assertThat(ids(ADMIN, "q", "works (" + mark)).containsExactly(byEnglish);
        assertThat(ids(ADMIN, "q", mark.toUpperCase() + "-PHOTONICS")).containsExactly(byKeyword);
        // regex characters that are allowed are plain text: "." matches a dot, not any character
        assertThat(ids(ADMIN, "q", mark + ".photonics")).isEmpty();
    }

    @Test
    void flagsPossibleDuplicatesForReview() {
        String mark = mark();
        String original = register(org(mark, "Delta" + mark + "株式会社", "13"));
        String duplicate = register(org(mark, "株式会社 Delta" + mark, "13").withoutCorporateNumber());

        assertThat(ids(ADMIN, "q", mark, "duplicateFlagged", "true")).containsExactly(duplicate);
        assertThat(ids(ADMIN, "q", mark, "duplicateFlagged", "false")).containsExactly(original);
        assertThat(items(page(ADMIN, "q", mark))).extracting(item -> item.path("id").asString(),
                        item -> item.path("possibleDuplicate").asBoolean())
                .containsExactlyInAnyOrder(tuple(original, false),
                        tuple(duplicate, true));
    }

    @Test
    void sortsByTheAllowListedOrdersWithTheIdAsTieBreaker() {
        String mark = mark();
        String charlie = register(org(mark, "Charlie " + mark, "13"));
        String alpha = register(org(mark, "Alpha " + mark + " 株式会社", "13"));
        String bravo = register(org(mark, "(株)Bravo " + mark, "13"));
        approve(alpha);

        assertThat(ids(ADMIN, "q", mark, "sort", "legalName")).containsExactly(alpha, bravo, charlie);
        assertThat(ids(ADMIN, "q", mark, "sort", "-legalName")).containsExactly(charlie, bravo, alpha);
        assertThat(ids(ADMIN, "q", mark, "sort", "-updatedAt").get(0)).isEqualTo(alpha);
        assertThat(ids(ADMIN, "q", mark, "sort", "updatedAt").get(2)).isEqualTo(alpha);

        Comparator<JsonNode> byRegistration = Comparator.<JsonNode, String>comparing(
                item -> item.path("registeredAt").asString()).thenComparing(item -> item.path("id").asString());
        List<JsonNode> ascending = items(page(ADMIN, "q", mark, "sort", "registeredAt"));
        List<JsonNode> byDefault = items(page(ADMIN, "q", mark));
        assertThat(ascending).hasSize(3).isSortedAccordingTo(byRegistration);
        assertThat(byDefault).hasSize(3).isSortedAccordingTo(byRegistration.reversed());
        assertThat(items(page(ADMIN, "q", mark, "sort", "-registeredAt"))).isEqualTo(byDefault);
    }

    @Test
    void pagesThroughEveryMatchExactlyOnceWhileOrganisationsAreRegistered() {
        for (String sort : List.of("-registeredAt", "registeredAt", "legalName", "-updatedAt")) {
            String mark = mark();
            List<String> before = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                before.add(register(org(mark, "頁" + i + mark, i % 2 == 0 ? "13" : "11")));
            }
            List<String> registeredMeanwhile = new ArrayList<>();
            List<String> seen = new ArrayList<>();
            JsonNode page = page(RB_KANTO, "q", mark, "sort", sort, "limit", "3");
            int pages = 1;
            while (true) {
                items(page).forEach(item -> seen.add(item.path("id").asString()));
                String cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
                if (cursor == null) {
                    break;
                }
                registeredMeanwhile.add(register(org(mark, "途中" + pages + mark, "13")));
                page = page(RB_KANTO, "q", mark, "sort", sort, "limit", "3", "cursor", cursor);
                pages++;
            }

            assertThat(seen).as("sort %s", sort).doesNotHaveDuplicates().containsAll(before);
            assertThat(pages).as("sort %s", sort).isGreaterThanOrEqualTo(3);
            if (sort.equals("-registeredAt") || sort.equals("-updatedAt")) {
                // newer ones sort before the cursor: this listing is the state when it began
                assertThat(seen).as("sort %s", sort).containsExactlyInAnyOrderElementsOf(before);
            } else if (sort.equals("registeredAt")) {
                // newer ones come after it: all of them turn up, once, at the end
                assertThat(seen).as("sort %s", sort).containsAll(registeredMeanwhile);
            }
        }
    }

    @Test
    void theLinkHeaderLeadsToTheNextPage() {
        String mark = mark();
        String first = register(org(mark, "甲" + mark, "13"));
        String second = register(org(mark, "乙" + mark, "13"));

        EntityExchangeResult<byte[]> firstPage = list(ADMIN, "q", mark, "sort", "registeredAt", "limit", "1")
                .expectStatus().isOk().expectBody().returnResult();
        String link = firstPage.getResponseHeaders().getFirst(HttpHeaders.LINK);
        assertThat(link).matches("^</api/members/organisations\\?.*cursor=[A-Za-z0-9_-]+>; rel=\"next\"$");
        String next = link.substring(1, link.indexOf('>'));

        JsonNode secondPage = JSON.readTree(http.get().uri(next).headers(h -> h.setBearerAuth(ADMIN))
                .exchange().expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.LINK)
                .expectBody().returnResult().getResponseBody());
        assertThat(Stream.concat(items(JSON.readTree(firstPage.getResponseBody())).stream(), items(secondPage).stream())
                .map(item -> item.path("id").asString())).containsExactlyInAnyOrder(first, second);
        assertThat(secondPage.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void aRegionalBodyListsOnlyTheBureausItCovers() {
        String mark = mark();
        String tokyo = register(org(mark, "関東商事", "13"));
        String osaka = register(org(mark, "近畿商事", "27"));

        assertThat(ids(RB_KANTO, "q", mark)).containsExactly(tokyo);
        assertThat(ids(RB_KINKI, "q", mark)).containsExactly(osaka);
        assertThat(ids(COORDINATOR_KANTO, "q", mark)).containsExactly(tokyo);
        assertThat(ids(RB_KANTO, "q", mark, "bureau", "kanto")).containsExactly(tokyo);
        assertThat(items(page(RB_KANTO, "limit", "100"))).isNotEmpty()
                .allSatisfy(item -> assertThat(item.path("bureau").asString()).isEqualTo("kanto"));
        String both = token("rb-both", PlatformRole.REGIONAL_BODY, List.of("kanto", "kinki"));
        assertThat(ids(both, "q", mark)).containsExactlyInAnyOrder(tokyo, osaka);

        for (String[] otherBureau : List.of(new String[] {"bureau", "kinki"}, new String[] {"prefecture", "27"})) {
            list(RB_KANTO, "q", mark, otherBureau[0], otherBureau[1]).expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.status").isEqualTo(403);
            list(COORDINATOR_KANTO, otherBureau[0], otherBureau[1]).expectStatus().isForbidden();
        }
        assertThat(ids(ADMIN, "q", mark, "bureau", "kinki")).containsExactly(osaka);
    }

    @Test
    void listsCarryNoPersonalData() {
        String mark = mark();
        String id = register(org(mark, "個人情報株式会社", "13").withContactAndAddress());

        for (String staff : List.of(COORDINATOR_KANTO, RB_KANTO, ADMIN)) {
            byte[] body = list(staff, "q", mark).expectStatus().isOk().expectBody().returnResult().getResponseBody();
            String text = new String(body, StandardCharsets.UTF_8);
            assertThat(text).contains(id)
                    .doesNotContain("owner", "contacts", "address", "@search.example.jp", "丸の内", "03-1234-5678");
            JsonNode item = JSON.readTree(body).path("items").get(0);
            List<String> fields = new ArrayList<>(item.propertyNames());
            assertThat(fields).containsExactlyInAnyOrder("id", "legalName", "legalNameKana", "englishName",
                    "organisationType", "corporateNumber", "prefectureCode", "bureau", "clusterIds", "status",
                    "registeredAt", "expiresOn", "possibleDuplicate");
        }
        // the details stay where they were: the coordinator still gets no personal data there either
        http.get().uri(PATH + "/{id}", id).headers(h -> h.setBearerAuth(COORDINATOR_KANTO)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.owner").doesNotExist();
    }

    @Test
    void membersMachinesAndAnonymousCallersDoNotList() {
        String member = token("member", PlatformRole.MEMBER, List.of());
        list(member).expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403);
        // even with hostile parameters, a member learns nothing but "not for you"
        list(member, "status[$ne]", "x").expectStatus().isForbidden();
        String machine = TestTokens.ISSUER.token("rb-client").roles(PlatformRole.REGIONAL_BODY)
                .bureaus(List.of("kanto")).machine().sign();
        list(machine).expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri(PATH).exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    static Stream<Arguments> hostileParameters() {
        return Stream.of(
                Arguments.of(List.of("q", ".*"), "q"),
                Arguments.of(List.of("q", "$where"), "q"),
                Arguments.of(List.of("q", "{\"$gt\":\"\"}"), "q"),
                Arguments.of(List.of("q", "a".repeat(101)), "q"),
                Arguments.of(List.of("q", ""), "q"),
                Arguments.of(List.of("q", "検証\u202e社会"), "q"),
                Arguments.of(List.of("q", "ab\u200bc"), "q"),
                Arguments.of(List.of("q", "\ufeffab"), "q"),
                Arguments.of(List.of("sort", "owner.email"), "sort"),
                Arguments.of(List.of("sort", "registeredAt", "sort", "legalName"), "sort"),
                Arguments.of(List.of("limit", "0"), "limit"),
                Arguments.of(List.of("limit", "101"), "limit"),
                Arguments.of(List.of("limit", "abc"), "limit"),
                Arguments.of(List.of("limit", "1e2"), "limit"),
                Arguments.of(List.of("cursor", "garbage"), "cursor"),
                Arguments.of(List.of("cursor", "eyIkd2hlcmUiOiIxIn0"), "cursor"),
                Arguments.of(List.of("status[$ne]", "x"), "status[$ne]"),
                Arguments.of(List.of("owner.email", "a@b.jp"), "owner.email"),
                Arguments.of(List.of("status", "ACTIVE", "status", "DELETED"), "status"),
                Arguments.of(List.of("bureau", "kanto", "bureau", "kinki"), "bureau"),
                Arguments.of(List.of("bureau", "atlantis"), "bureau"),
                Arguments.of(List.of("prefecture", "99"), "prefecture"),
                Arguments.of(List.of("type", "COMPANY"), "type"),
                Arguments.of(List.of("cluster", "../x"), "cluster"),
                Arguments.of(List.of("duplicateFlagged", "maybe"), "duplicateFlagged"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileParameters")
    void refusesHostileParametersWithAProblemNamingTheParameter(List<String> parameters, String field) {
        list(ADMIN, parameters.toArray(String[]::new))
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors[?(@.field == '" + field + "')]").exists();
    }

    @Test
    void aCursorOnlyContinuesTheListItWasIssuedFor() {
        String mark = mark();
        register(org(mark, "丙" + mark, "13"));
        register(org(mark, "丁" + mark, "13"));
        String cursor = page(ADMIN, "q", mark, "limit", "1").path("nextCursor").asString();

        list(ADMIN, "q", mark, "limit", "1", "cursor", cursor).expectStatus().isOk();
        // the limit may change from page to page; filters and order may not
        list(ADMIN, "q", mark, "limit", "5", "cursor", cursor).expectStatus().isOk();
        for (List<String> other : List.<List<String>>of(List.of("q", mark, "status", "ACTIVE"), List.of("q", mark + "x"),
                List.of("q", mark, "sort", "legalName"), List.of("q", mark, "sort", "registeredAt"), List.of())) {
            List<String> parameters = new ArrayList<>(other);
            parameters.addAll(List.of("cursor", cursor));
            list(ADMIN, parameters.toArray(String[]::new)).expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("cursor");
        }

        Map<String, Object> decoded = new LinkedHashMap<>(readCursor(cursor));
        decoded.put("f", "AAAAAAAAAAAAAAAAAAAAAA");
        list(ADMIN, "q", mark, "limit", "1", "cursor", writeCursor(decoded)).expectStatus().isBadRequest();
        decoded = new HashMap<>(readCursor(cursor));
        decoded.put("v", Map.of("$gt", ""));
        list(ADMIN, "q", mark, "limit", "1", "cursor", writeCursor(decoded)).expectStatus().isBadRequest();
        list(ADMIN, "q", mark, "limit", "1", "cursor", cursor + "x").expectStatus().isBadRequest();
    }

    @Test
    void theListSharesItsPathWithRegistrationAndDetails() {
        String mark = mark();
        String id = register(org(mark, "同一路線", "13"));

        http.get().uri(PATH + "/{id}", id).headers(h -> h.setBearerAuth(ADMIN)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.owner.email").exists();
        assertThat(ids(ADMIN, "q", mark)).containsExactly(id);
        http.put().uri(PATH).headers(h -> h.setBearerAuth(ADMIN)).exchange().expectStatus().isEqualTo(405);
    }

    @Test
    void theCommonListsAreIndexed() {
        List<String> names = mongo.indexOps(Organisation.class).getIndexInfo().map(IndexInfo::getName)
                .collectList().block();
        assertThat(names).contains("search_bureau_status_registered", "search_bureau_registered",
                "search_bureau_name", "search_bureau_updated", "search_registered");
    }

    // ---- requests --------------------------------------------------------------------------------------------------

    private WebTestClient.ResponseSpec list(String token, String... namesAndValues) {
        // names and values as URI variables: encoded in full, so "$", "{", "&" and "+" arrive as sent
        Map<String, String> variables = new HashMap<>();
        return http.get().uri(uri -> {
            uri.path(PATH);
            for (int i = 0; i < namesAndValues.length; i += 2) {
                variables.put("n" + i, namesAndValues[i]);
                variables.put("v" + i, namesAndValues[i + 1]);
                uri.queryParam("{n" + i + "}", "{v" + i + "}");
            }
            return uri.build(variables);
        }).headers(h -> h.setBearerAuth(token)).exchange();
    }

    private JsonNode page(String token, String... namesAndValues) {
        return JSON.readTree(list(token, namesAndValues).expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().returnResult().getResponseBody());
    }

    private List<String> ids(String token, String... namesAndValues) {
        JsonNode page = page(token, namesAndValues);
        assertThat(page.path("nextCursor").isNull()).as("one page is enough here").isTrue();
        return items(page).stream().map(item -> item.path("id").asString()).toList();
    }

    private static List<JsonNode> items(JsonNode page) {
        List<JsonNode> items = new ArrayList<>();
        page.path("items").forEach(items::add);
        return items;
    }

    private String register(NewOrganisation organisation) {
        return http.post().uri(PATH).contentType(MediaType.APPLICATION_JSON).bodyValue(organisation.body)
                .exchange().expectStatus().isCreated()
                .expectBody(OrganisationResponse.class).returnResult().getResponseBody().id();
    }

    private void approve(String id) {
        http.post().uri(PATH + "/{id}/approval", id).headers(h -> h.setBearerAuth(ADMIN)).exchange()
                .expectStatus().isOk();
    }

    /** An active cluster of the catalogue, added by an administrator, so that profiles may name it. */
    private String activeCluster() {
        return http.post().uri("/api/members/clusters").headers(h -> h.setBearerAuth(ADMIN))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"検索クラスター " + UUID.randomUUID() + "\",\"programme\":\"REGIONAL\",\"bureau\":\"kanto\"}")
                .exchange().expectStatus().isCreated()
                .expectBody().returnResult().getResponseHeaders().getLocation().getPath().replaceAll(".*/", "");
    }

    /** A keyword no other test uses: letters and digits, so it survives name normalisation unchanged. */
    private static String mark() {
        return "srch" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static NewOrganisation org(String mark, String legalName, String prefecture) {
        return new NewOrganisation(mark, legalName, prefecture);
    }

    private static Map<String, Object> readCursor(String cursor) {
        return JSON.readValue(Base64.getUrlDecoder().decode(cursor), new TypeReference<Map<String, Object>>() { });
    }

    private static String writeCursor(Map<String, Object> cursor) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(cursor));
    }

    private static String token(String subject, PlatformRole role, List<String> bureaus) {
        return TestTokens.ISSUER.token(subject).roles(role).bureaus(bureaus).sign();
    }

    /** A registration body, marked with the test's keyword so that {@code q=mark} finds it. */
    private static final class NewOrganisation {

        final Map<String, Object> body = new LinkedHashMap<>();

        NewOrganisation(String mark, String legalName, String prefecture) {
            body.put("legalName", legalName);
            body.put("organisationType", "SME");
            body.put("corporateNumber", TestCorporateNumbers.random());
            body.put("prefectureCode", prefecture);
            body.put("keywords", List.of(mark));
            body.put("owner", Map.of("displayName", "検索 太郎", "email", "taro@search.example.jp"));
        }

        NewOrganisation type(String type) {
            body.put("organisationType", type);
            return this;
        }

        NewOrganisation cluster(String clusterId) {
            body.put("clusterIds", List.of(clusterId));
            return this;
        }

        NewOrganisation kana(String kana) {
            body.put("legalNameKana", kana);
            body.remove("keywords");
            return this;
        }

        NewOrganisation english(String englishName) {
            body.put("englishName", englishName);
            body.remove("keywords");
            return this;
        }

        NewOrganisation keywords(String keyword) {
            body.put("keywords", List.of(keyword));
            return this;
        }

        NewOrganisation withoutCorporateNumber() {
            body.remove("corporateNumber");
            body.put("noCorporateNumberReason", "SOLE_PROPRIETOR");
            return this;
        }

        NewOrganisation withContactAndAddress() {
            body.put("address", "東京都千代田区丸の内1-1-1");
            body.put("contacts", List.of(Map.of("name", "検索 花子", "email", "hanako@search.example.jp",
                    "phone", "03-1234-5678")));
            return this;
        }
    }
}
