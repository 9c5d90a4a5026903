package jp.iinj.memberregistry.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.testing.tokens.TestTokens;
import jp.iinj.memberregistry.support.MemberRegistryIntegrationTest;
import reactor.core.publisher.Mono;

/** The catalogue through its API: who may do what, filters, conditional updates, and the lookup other features use. */
@MemberRegistryIntegrationTest
class ClusterCatalogueIT {

    static final String ADMIN = TestTokens.ISSUER.token("cluster-admin").roles(PlatformRole.ADMIN).sign();

    @Autowired
    WebTestClient http;
    @Autowired
    ClusterCatalogue catalogue;
    @LocalServerPort
    int port;

    @Test
    void anAdministratorAddsAClusterAndAnyoneReadsIt() {
        String name = unique("首都圏西部ネットワーク");
        var created = http.post().uri("/api/members/clusters").headers(h -> h.setBearerAuth(ADMIN))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "englishName", "TAMA Association", "programme", "METI_INDUSTRIAL_CLUSTER",
                        "bureau", "kanto"))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches(HttpHeaders.LOCATION, "/api/members/clusters/[0-9a-f-]{36}")
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"")
                .expectBody(ClusterResponse.class).returnResult().getResponseBody();

        assertThat(created.name()).isEqualTo(name);
        assertThat(created.programme()).isEqualTo(ClusterProgramme.METI_INDUSTRIAL_CLUSTER);
        assertThat(created.bureau()).isEqualTo("kanto");
        assertThat(created.active()).isTrue();
        assertThat(created.revision()).isZero();
        assertThat(created.createdAt()).isNotNull().isEqualTo(created.updatedAt());

        var read = http.get().uri("/api/members/clusters/{id}", created.id()).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"")
                .expectBody(ClusterResponse.class).returnResult().getResponseBody();
        assertThat(read).isEqualTo(created);
        http.get().uri("/api/members/clusters").exchange().expectStatus().isOk();
    }

    @Test
    void anUnknownOrIllFormedIdIsNotFound() {
        for (String id : List.of(UUID.randomUUID().toString(), "not-an-id", "{\"$ne\":null}")) {
            http.get().uri("/api/members/clusters/{id}", id).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        // an encoded line break never reaches the catalogue: the security firewall refuses the path
        http.get().uri("/api/members/clusters/{id}", UUID.randomUUID() + "\n").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void listingsFilterByProgrammeBureauAndActivity() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        ClusterResponse hokkaidoIt = add("北海道IT " + tag, ClusterProgramme.METI_INDUSTRIAL_CLUSTER, "hokkaido", true);
        ClusterResponse sapporoBio = add("札幌バイオ " + tag, ClusterProgramme.MEXT_KNOWLEDGE_CLUSTER, "hokkaido", true);
        ClusterResponse kyushuOld = add("九州旧クラスター " + tag, ClusterProgramme.MEXT_CITY_AREA, "kyushu", false);

        assertThat(ids(list(""))).contains(hokkaidoIt.id(), sapporoBio.id()).doesNotContain(kyushuOld.id());
        assertThat(ids(list("?bureau=hokkaido&programme=MEXT_KNOWLEDGE_CLUSTER")))
                .contains(sapporoBio.id()).doesNotContain(hokkaidoIt.id(), kyushuOld.id());
        assertThat(ids(list("?active=false"))).contains(kyushuOld.id()).doesNotContain(hokkaidoIt.id());
        assertThat(ids(list("?active=all"))).contains(hokkaidoIt.id(), sapporoBio.id(), kyushuOld.id());

        ClusterListResponse hokkaido = list("?bureau=hokkaido");
        assertThat(hokkaido.truncated()).isFalse();
        assertThat(hokkaido.clusters()).allSatisfy(cluster -> {
            assertThat(cluster.bureau()).isEqualTo("hokkaido");
            assertThat(cluster.active()).isTrue();
        });
        // by bureau, then name
        List<ClusterResponse> all = list("?active=all").clusters();
        for (int i = 1; i < all.size(); i++) {
            ClusterResponse before = all.get(i - 1);
            ClusterResponse after = all.get(i);
            assertThat(before.bureau().compareTo(after.bureau()) < 0
                    || before.bureau().equals(after.bureau()) && before.name().compareTo(after.name()) <= 0)
                    .as("%s before %s", before, after).isTrue();
        }
    }

    @Test
    void listingsRefuseUnknownFilterValues() {
        Map<String, String> refused = Map.of("programme", "CITY", "bureau", "{\"$ne\":1}", "active", "yes");
        refused.forEach((parameter, value) -> http.get().uri("/api/members/clusters?" + parameter + "={value}", value)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(parameter));
        http.get().uri("/api/members/clusters?bureau=tokyo").exchange().expectStatus().isBadRequest();
    }

    @Test
    void anAdministratorReplacesAClusterNamingTheVersionRead() {
        ClusterResponse cluster = add(unique("東海ものづくり"), ClusterProgramme.REGIONAL, "chubu", true);

        var replaced = put(cluster.id(), "\"0\"", replacement(unique("東海ものづくり創生"), "Tokai", "MEXT_CITY_AREA", "chubu", true))
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody(ClusterResponse.class).returnResult().getResponseBody();
        assertThat(replaced.name()).startsWith("東海ものづくり創生");
        assertThat(replaced.englishName()).isEqualTo("Tokai");
        assertThat(replaced.programme()).isEqualTo(ClusterProgramme.MEXT_CITY_AREA);
        assertThat(replaced.revision()).isEqualTo(1);
        assertThat(replaced.createdAt()).isEqualTo(cluster.createdAt());
        assertThat(replaced.updatedAt()).isAfterOrEqualTo(cluster.updatedAt());

        // the same content again changes nothing, not even the revision
        put(cluster.id(), "\"1\"", replacement(replaced.name(), "Tokai", "MEXT_CITY_AREA", "chubu", true))
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"");
        // leaving out the English name removes it
        put(cluster.id(), "\"1\"", Map.of("name", replaced.name(), "programme", "MEXT_CITY_AREA", "bureau", "chubu",
                "active", true))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.englishName").doesNotExist().jsonPath("$.revision").isEqualTo(2);
    }

    @Test
    void aStaleOrMissingIfMatchChangesNothing() {
        ClusterResponse cluster = add(unique("中国地域"), ClusterProgramme.REGIONAL, "chugoku", true);
        put(cluster.id(), "\"0\"", replacement(cluster.name(), "Chugoku", "REGIONAL", "chugoku", true)).expectStatus().isOk();

        for (String stale : List.of("\"0\"", "\"7\"", "*", "W/\"1\"", "\"1\", \"0\"", "1")) {
            put(cluster.id(), stale, replacement(unique("上書き"), null, "REGIONAL", "chugoku", false))
                    .expectStatus().isEqualTo(412)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("https://iinj.jp/problems/precondition-failed");
        }
        put(cluster.id(), null, replacement(unique("上書き"), null, "REGIONAL", "chugoku", false))
                .expectStatus().isEqualTo(428)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://iinj.jp/problems/precondition-required");

        var unchanged = read(cluster.id());
        assertThat(unchanged.name()).isEqualTo(cluster.name());
        assertThat(unchanged.englishName()).isEqualTo("Chugoku");
        assertThat(unchanged.active()).isTrue();
        assertThat(unchanged.revision()).isEqualTo(1);
        put(UUID.randomUUID().toString(), "\"0\"", replacement(unique("なし"), null, "REGIONAL", "chugoku", true))
                .expectStatus().isNotFound();
    }

    @Test
    void ofTwoConcurrentReplacementsOfOneVersionExactlyOneWins() {
        ClusterResponse cluster = add(unique("四国健康"), ClusterProgramme.MEXT_KNOWLEDGE_CLUSTER, "shikoku", true);
        WebClient client = WebClient.create("http://127.0.0.1:" + port);
        int rounds = 10;

        for (int round = 0; round < rounds; round++) {
            String ifMatch = "\"" + round + "\"";
            List<Mono<Integer>> contenders = new ArrayList<>();
            for (String contender : List.of("A", "B")) {
                contenders.add(client.put().uri("/api/members/clusters/{id}", cluster.id())
                        .headers(h -> h.setBearerAuth(ADMIN))
                        .header(HttpHeaders.IF_MATCH, ifMatch)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(replacement(cluster.name(), contender + round, "MEXT_KNOWLEDGE_CLUSTER", "shikoku", true))
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())));
            }
            List<Integer> statuses = Mono.zip(contenders, answers -> List.of((Integer) answers[0], (Integer) answers[1]))
                    .block(Duration.ofSeconds(30));

            assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(200, 412);
            String winner = statuses.get(0) == 200 ? "A" : "B";
            assertThat(read(cluster.id()).englishName()).isEqualTo(winner + round);
        }
        assertThat(read(cluster.id()).revision()).isEqualTo(rounds);
    }

    @Test
    void theSameClusterCannotBeAddedTwice() {
        String name = unique("ＴＡＭＡ　協会");
        add(name, ClusterProgramme.METI_INDUSTRIAL_CLUSTER, "kanto", true);

        for (String again : List.of(name, name.replace("ＴＡＭＡ　", "tama "), " " + name + " ")) {
            http.post().uri("/api/members/clusters").headers(h -> h.setBearerAuth(ADMIN))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("name", again, "programme", "METI_INDUSTRIAL_CLUSTER", "bureau", "kanto"))
                    .exchange()
                    .expectStatus().isEqualTo(409)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("https://iinj.jp/problems/conflict");
        }
        // the same name under another programme or bureau is another cluster
        add(name, ClusterProgramme.REGIONAL, "kanto", true);
        ClusterResponse elsewhere = add(name, ClusterProgramme.METI_INDUSTRIAL_CLUSTER, "tohoku", true);
        // and a replacement may not make a duplicate either
        put(elsewhere.id(), "\"0\"", replacement(name, null, "METI_INDUSTRIAL_CLUSTER", "kanto", true))
                .expectStatus().isEqualTo(409);
        assertThat(read(elsewhere.id()).bureau()).isEqualTo("tohoku");
    }

    @Test
    void aDeactivatedClusterStaysReadableButIsNoLongerListedOrAffiliable() {
        ClusterResponse cluster = add(unique("沖縄健康バイオ"), ClusterProgramme.REGIONAL, "okinawa", true);
        assertThat(catalogue.unknownOrInactive(List.of(cluster.id())).block()).isEmpty();

        put(cluster.id(), "\"0\"", replacement(cluster.name(), null, "REGIONAL", "okinawa", false)).expectStatus().isOk();

        assertThat(read(cluster.id()).active()).isFalse();
        assertThat(ids(list("?bureau=okinawa"))).doesNotContain(cluster.id());
        assertThat(ids(list("?bureau=okinawa&active=false"))).contains(cluster.id());
        assertThat(catalogue.unknownOrInactive(List.of(cluster.id())).block()).containsExactly(cluster.id());
    }

    @Test
    void theLookupOtherFeaturesUseTellsUnknownAndInactiveIdsApart() {
        ClusterResponse active = add(unique("近畿バイオ"), ClusterProgramme.MEXT_KNOWLEDGE_CLUSTER, "kinki", true);
        ClusterResponse inactive = add(unique("近畿旧"), ClusterProgramme.MEXT_CITY_AREA, "kinki", false);
        String unknown = UUID.randomUUID().toString();
        String illFormed = "{\"$ne\":null}";

        assertThat(catalogue.unknownOrInactive(List.of(active.id(), inactive.id(), unknown, illFormed, active.id())).block())
                .containsExactlyInAnyOrder(inactive.id(), unknown, illFormed);
        assertThat(catalogue.unknownOrInactive(List.of(active.id())).block()).isEmpty();
        assertThat(catalogue.unknownOrInactive(List.of()).block()).isEmpty();
        assertThat(catalogue.byIds(Set.of(active.id(), inactive.id(), unknown, illFormed)).block())
                .containsOnlyKeys(active.id(), inactive.id())
                .hasEntrySatisfying(inactive.id(), cluster -> assertThat(cluster.active()).isFalse());
    }

    @Test
    void onlyAdministratorsMaintainTheCatalogue() {
        ClusterResponse cluster = add(unique("東北"), ClusterProgramme.REGIONAL, "tohoku", true);
        Map<String, Object> body = replacement(unique("東北改"), null, "REGIONAL", "tohoku", true);
        String member = TestTokens.ISSUER.token("member").roles(PlatformRole.MEMBER).memberIds(List.of("org-1")).sign();
        String regionalBody = TestTokens.ISSUER.token("rb").roles(PlatformRole.REGIONAL_BODY).bureaus(List.of("tohoku")).sign();
        String coordinator = TestTokens.ISSUER.token("co").roles(PlatformRole.COORDINATOR).bureaus(List.of("tohoku")).sign();
        String adminMachine = TestTokens.ISSUER.token("admin-client").roles(PlatformRole.ADMIN).machine().sign();

        for (String token : List.of(member, regionalBody, coordinator, adminMachine)) {
            post(token, body).expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            put(cluster.id(), "\"0\"", body, token).expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            // refused before the body is even looked at
            put(cluster.id(), "\"0\"", Map.of("name", Map.of("$gt", "")), token).expectStatus().isForbidden();
        }
        post(null, body).expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        put(cluster.id(), "\"0\"", body, null).expectStatus().isUnauthorized();
        String idToken = TestTokens.ISSUER.token("cluster-admin").roles(PlatformRole.ADMIN).type("JWT").sign();
        post(idToken, body).expectStatus().isUnauthorized();

        assertThat(read(cluster.id()).revision()).isZero();
        // reading needs no token, but a token that is sent must be valid
        http.get().uri("/api/members/clusters/{id}", cluster.id()).headers(h -> h.setBearerAuth(member)).exchange()
                .expectStatus().isOk();
        http.get().uri("/api/members/clusters/{id}", cluster.id()).headers(h -> h.setBearerAuth("not-a-token")).exchange()
                .expectStatus().isUnauthorized();
    }

    private ClusterResponse add(String name, ClusterProgramme programme, String bureau, boolean active) {
        return post(ADMIN, Map.of("name", name, "programme", programme.name(), "bureau", bureau, "active", active))
                .expectStatus().isCreated()
                .expectBody(ClusterResponse.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec post(String token, Map<String, Object> body) {
        return http.post().uri("/api/members/clusters")
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec put(String id, String ifMatch, Map<String, Object> body) {
        return put(id, ifMatch, body, ADMIN);
    }

    private WebTestClient.ResponseSpec put(String id, String ifMatch, Map<String, Object> body, String token) {
        return http.put().uri("/api/members/clusters/{id}", id)
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                    if (ifMatch != null) {
                        h.set(HttpHeaders.IF_MATCH, ifMatch);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private ClusterResponse read(String id) {
        return http.get().uri("/api/members/clusters/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody(ClusterResponse.class).returnResult().getResponseBody();
    }

    private ClusterListResponse list(String query) {
        return http.get().uri("/api/members/clusters" + query).exchange()
                .expectStatus().isOk()
                .expectBody(ClusterListResponse.class).returnResult().getResponseBody();
    }

    private static List<String> ids(ClusterListResponse listing) {
        return listing.clusters().stream().map(ClusterResponse::id).toList();
    }

    static Map<String, Object> replacement(String name, String englishName, String programme, String bureau, boolean active) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("name", name);
        if (englishName != null) {
            body.put("englishName", englishName);
        }
        body.put("programme", programme);
        body.put("bureau", bureau);
        body.put("active", active);
        return body;
    }

    /** Names unique to this run: the test database is shared with the other ITs and earlier runs. */
    static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
