package jp.iinj.endtoend;

import static jp.iinj.endtoend.support.Actor.ADMIN;
import static jp.iinj.endtoend.support.Actor.MEMBER_A;
import static jp.iinj.endtoend.support.Actor.REGIONAL_BODY_KANTO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import jp.iinj.endtoend.support.Actors;
import jp.iinj.endtoend.support.Answer;
import jp.iinj.endtoend.support.CorporateNumbers;
import jp.iinj.endtoend.support.EndToEndTest;
import jp.iinj.endtoend.support.FrontDoor;
import jp.iinj.endtoend.support.Json;

/**
 * The black-box probe's hostile text and CSV (issue 12), sent again through the front door: names with a
 * right-to-left override or invisible characters are a 400 naming each field, and a record that is not RFC 4180 is
 * a row error of the import, never an organisation.
 */
@EndToEndTest
class ProbedInputIT {

    private static final String ORGANISATIONS = "/api/members/organisations";

    @Test
    void a_registration_whose_names_hold_a_right_to_left_override_is_refused_naming_both(FrontDoor frontDoor) {
        String body = """
                {"legalName":"検証\\u202e社会式株","englishName":"Bidi\\u202egnp.exe","organisationType":"SME",
                 "corporateNumber":"%s","prefectureCode":"13",
                 "owner":{"displayName":"E2E 検証","email":"probe@e2e.example.jp"}}""".formatted(CorporateNumbers.random());

        Answer refused = frontDoor.post(ORGANISATIONS, null, body);

        assertInvalidFields(refused, "legalName", "englishName");
        assertThat(refused.json().path("errors").path(0).path("message").asString())
                .isEqualTo("must not contain bidirectional formatting characters (U+202E at position 3)");
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"200B", "FEFF", "2066"})
    void a_registration_whose_name_holds_an_invisible_or_isolating_character_is_refused(String codePoint,
                                                                                         FrontDoor frontDoor) {
        String body = """
                {"legalName":"E2E 検証\\u%s株式会社","organisationType":"SME","corporateNumber":"%s","prefectureCode":"13",
                 "owner":{"displayName":"E2E 検証","email":"probe@e2e.example.jp"}}"""
                .formatted(codePoint.toLowerCase(), CorporateNumbers.random());

        assertInvalidFields(frontDoor.post(ORGANISATIONS, null, body), "legalName");
    }

    @Test
    void a_profile_edit_with_a_right_to_left_override_or_invisible_characters_is_refused(Actors actors,
                                                                                         FrontDoor frontDoor) {
        String location = ORGANISATIONS + "/" + actors.organisationA();
        String owner = actors.token(MEMBER_A);
        Answer read = frontDoor.get(location, owner);
        assertThat(read.status()).as("%s", read).isEqualTo(200);
        Map<String, String> ifMatch = Map.of("If-Match", read.header("ETag").orElseThrow());
        String base = "\"legalName\":" + Json.write(read.json().path("legalName").asString())
                + ",\"organisationType\":\"SME\",\"prefectureCode\":\"13\"";

        assertInvalidFields(frontDoor.put(location + "/profile", owner, "{" + base + ",\"englishName\":\"\\u202e\"}", ifMatch),
                "englishName");
        assertInvalidFields(frontDoor.put(location + "/profile", owner,
                "{" + base + ",\"keywords\":[\"精密\",\"Io\\u200bT\"]}", ifMatch), "keywords[1]");
        assertInvalidFields(frontDoor.put(location + "/profile", owner,
                "{" + base + ",\"contacts\":[{\"name\":\"山田\\ufeff\",\"email\":\"y@e2e.example.jp\"}]}", ifMatch),
                "contacts[0].name");
        assertThat(frontDoor.get(location, owner).header("ETag")).as("nothing changed").isEqualTo(read.header("ETag"));
    }

    @Test
    void a_cluster_name_with_a_right_to_left_override_is_refused(Actors actors, FrontDoor frontDoor) {
        assertInvalidFields(frontDoor.post("/api/members/clusters", actors.token(ADMIN),
                "{\"name\":\"E2E クラスター\\u202e\",\"programme\":\"REGIONAL\",\"bureau\":\"kanto\"}"), "name");
    }

    @Test
    void the_probes_csv_row_with_a_quote_inside_an_unquoted_field_is_a_row_error_not_an_organisation(
            Actors actors, FrontDoor frontDoor) {
        String regionalBody = actors.token(REGIONAL_BODY_KANTO);
        String file = "legal_name,organisation_type,prefecture_code,corporate_number\r\nab\"c,SME,13,2954479732529\r\n";

        Answer accepted = frontDoor.send("POST", "/api/members/imports", regionalBody, file, "text/csv; charset=UTF-8");
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
        String status = accepted.header("Location").orElseThrow();

        JsonNode done = await().atMost(Duration.ofSeconds(30)).until(
                () -> frontDoor.get(status, regionalBody).json(), answer -> !"RUNNING".equals(answer.path("state").asString()));

        assertThat(done.path("state").asString()).isEqualTo("COMPLETED");
        assertThat(done.path("rowsRead").asLong()).isEqualTo(1);
        assertThat(done.path("rowsImported").asLong()).isZero();
        assertThat(done.path("rowsRejected").asLong()).isEqualTo(1);
        JsonNode error = done.path("errors").path(0);
        assertThat(error.path("row").asLong()).isEqualTo(2);
        assertThat(error.path("message").asString())
                .startsWith("is not valid CSV (RFC 4180) at line 2: a double quote inside a field that does not start with one");
        Answer named = frontDoor.get(ORGANISATIONS + "?q=ab&limit=100", actors.token(ADMIN));
        assertThat(named.status()).as("%s", named).isEqualTo(200);
        assertThat(named.json().path("items").findValuesAsString("legalName")).doesNotContain("ab\"c");
    }

    private static void assertInvalidFields(Answer answer, String... fields) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(400);
        assertThat(answer.isProblem()).as("%s", answer).isTrue();
        assertThat(answer.json().path("type").asString()).isEqualTo("https://iinj.jp/problems/invalid-request");
        assertThat(answer.json().path("errors").findValuesAsString("field")).as("%s", answer).containsExactlyInAnyOrder(fields);
    }
}
