package jp.iinj.memberregistry.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import jp.iinj.memberregistry.support.MemberRegistryIntegrationTest;

/** Bad input from an administrator gets a 400 problem naming the field, and nothing is stored or changed. */
@MemberRegistryIntegrationTest
class ClusterInputIT {

    @Autowired
    WebTestClient http;
    @Autowired
    ReactiveMongoTemplate mongo;

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                Arguments.of("operator instead of name",
                        "{\"name\":{\"$gt\":\"\"},\"programme\":\"REGIONAL\",\"bureau\":\"kanto\",\"active\":true}", "name"),
                Arguments.of("operator instead of bureau",
                        "{\"name\":\"A\",\"programme\":\"REGIONAL\",\"bureau\":{\"$ne\":null},\"active\":true}", "bureau"),
                Arguments.of("number instead of name",
                        "{\"name\":12,\"programme\":\"REGIONAL\",\"bureau\":\"kanto\",\"active\":true}", "name"),
                Arguments.of("array instead of name",
                        "{\"name\":[\"A\"],\"programme\":\"REGIONAL\",\"bureau\":\"kanto\",\"active\":true}", "name"),
                Arguments.of("string instead of boolean",
                        "{\"name\":\"A\",\"programme\":\"REGIONAL\",\"bureau\":\"kanto\",\"active\":\"yes\"}", "active"),
                Arguments.of("number instead of programme",
                        "{\"name\":\"A\",\"programme\":1,\"bureau\":\"kanto\",\"active\":true}", "programme"),
                Arguments.of("unknown programme",
                        "{\"name\":\"A\",\"programme\":\"CITY\",\"bureau\":\"kanto\",\"active\":true}", "programme"),
                Arguments.of("programme in lower case",
                        "{\"name\":\"A\",\"programme\":\"regional\",\"bureau\":\"kanto\",\"active\":true}", "programme"),
                Arguments.of("unknown bureau",
                        "{\"name\":\"A\",\"programme\":\"REGIONAL\",\"bureau\":\"tokyo\",\"active\":true}", "bureau"),
                Arguments.of("bureau by its enum name",
                        "{\"name\":\"A\",\"programme\":\"REGIONAL\",\"bureau\":\"KANTO\",\"active\":true}", "bureau"),
                Arguments.of("huge name", body("名".repeat(10_000)), "name"),
                Arguments.of("huge English name",
                        "{\"name\":\"A\",\"englishName\":\"" + "x".repeat(10_000) + "\",\"programme\":\"REGIONAL\",\"bureau\":\"kanto\",\"active\":true}",
                        "englishName"),
                Arguments.of("blank name", body("  "), "name"),
                Arguments.of("NUL in name", body("クラスター\\u0000A"), "name"),
                Arguments.of("newline in name", body("クラスター\\nA"), "name"),
                Arguments.of("right-to-left override in name", body("クラスター\\u202EA"), "name"),
                Arguments.of("zero-width space in name", body("クラ\\u200Bスター"), "name"),
                Arguments.of("byte order mark in name", body("\\uFEFFクラスター"), "name"),
                Arguments.of("left-to-right isolate in name", body("クラスター\\u2066A"), "name"),
                Arguments.of("right-to-left override in English name",
                        "{\"name\":\"A\",\"englishName\":\"Bidi\\u202egnp.exe\",\"programme\":\"REGIONAL\",\"bureau\":\"kanto\",\"active\":true}",
                        "englishName"),
                Arguments.of("lone surrogate in name", body("クラスター\\uD800"), "name"),
                Arguments.of("control character in English name",
                        "{\"name\":\"A\",\"englishName\":\"A\\u0007\",\"programme\":\"REGIONAL\",\"bureau\":\"kanto\",\"active\":true}",
                        "englishName"),
                Arguments.of("mass assignment of revision",
                        "{\"name\":\"A\",\"programme\":\"REGIONAL\",\"bureau\":\"kanto\",\"active\":true,\"revision\":99}", "revision"),
                Arguments.of("mass assignment of id",
                        "{\"id\":\"mine\",\"name\":\"A\",\"programme\":\"REGIONAL\",\"bureau\":\"kanto\",\"active\":true}", "id"),
                Arguments.of("missing fields", "{}", "name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBodies")
    void refusesInvalidNewClustersWithoutStoringAnything(String why, String body, String field) {
        long before = storedClusters();

        http.post().uri("/api/members/clusters").headers(h -> h.setBearerAuth(ClusterCatalogueIT.ADMIN))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors[?(@.field == '" + field + "')]").exists();

        assertThat(storedClusters()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBodies")
    void refusesInvalidReplacementsWithoutChangingTheCluster(String why, String body, String field) {
        String name = ClusterCatalogueIT.unique("関東入力検査");
        ClusterResponse cluster = http.post().uri("/api/members/clusters").headers(h -> h.setBearerAuth(ClusterCatalogueIT.ADMIN))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "programme", "REGIONAL", "bureau", "kanto"))
                .exchange().expectStatus().isCreated()
                .expectBody(ClusterResponse.class).returnResult().getResponseBody();

        http.put().uri("/api/members/clusters/{id}", cluster.id()).headers(h -> h.setBearerAuth(ClusterCatalogueIT.ADMIN))
                .header(HttpHeaders.IF_MATCH, "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[?(@.field == '" + field + "')]").exists();

        http.get().uri("/api/members/clusters/{id}", cluster.id()).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"")
                .expectBody().jsonPath("$.name").isEqualTo(name);
    }

    @Test
    void aReplacementMustSayWhetherTheClusterIsActive() {
        http.put().uri("/api/members/clusters/{id}", java.util.UUID.randomUUID())
                .headers(h -> h.setBearerAuth(ClusterCatalogueIT.ADMIN))
                .header(HttpHeaders.IF_MATCH, "\"0\"")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"A\",\"programme\":\"REGIONAL\",\"bureau\":\"kanto\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[?(@.field == 'active')]").exists();
    }

    @Test
    void refusesMalformedJson() {
        http.post().uri("/api/members/clusters").headers(h -> h.setBearerAuth(ClusterCatalogueIT.ADMIN))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://iinj.jp/problems/malformed-json");
    }

    private long storedClusters() {
        return mongo.count(new Query(), Document.class, Cluster.COLLECTION).block();
    }

    private static String body(String name) {
        return "{\"name\":\"" + name + "\",\"programme\":\"REGIONAL\",\"bureau\":\"kanto\",\"active\":true}";
    }
}
