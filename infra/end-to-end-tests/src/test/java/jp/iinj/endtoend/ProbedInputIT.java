package jp.iinj.endtoend;

import static jp.iinj.endtoend.support.Actor.ADMIN;
import static jp.iinj.endtoend.support.Actor.COORDINATOR;
import static jp.iinj.endtoend.support.Actor.MEMBER_A;
import static jp.iinj.endtoend.support.Actor.REGIONAL_BODY_KANTO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import jp.iinj.endtoend.support.Actor;
import jp.iinj.endtoend.support.Actors;
import jp.iinj.endtoend.support.Coordination;
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

    private static JsonNode caseTarget;

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

    /** The hostile bodies of the case workflow: each action's, with the probe's characters in every free text. */
    static Stream<Arguments> hostileCaseBodies() {
        String unknownRosterId = UUID.randomUUID().toString();
        return Stream.of(
                Arguments.of("decline: no body", "decline", ""),
                Arguments.of("decline: not JSON", "decline", "reason=AWAY"),
                Arguments.of("decline: array", "decline", "[]"),
                Arguments.of("decline: operator as reason", "decline", "{\"reason\":{\"$ne\":null}}"),
                Arguments.of("decline: unknown reason", "decline", "{\"reason\":\"BORED\"}"),
                Arguments.of("decline: right-to-left override in the note", "decline",
                        "{\"reason\":\"OTHER\",\"note\":\"検証\\u202e社会式株\"}"),
                Arguments.of("decline: zero-width space in the note", "decline",
                        "{\"reason\":\"OTHER\",\"note\":\"辞\\u200b退\"}"),
                Arguments.of("decline: NUL in the note", "decline", "{\"reason\":\"OTHER\",\"note\":\"a\\u0000b\"}"),
                Arguments.of("decline: huge note", "decline",
                        "{\"reason\":\"OTHER\",\"note\":\"" + "長".repeat(1001) + "\"}"),
                Arguments.of("decline: mass assignment", "decline", "{\"reason\":\"OTHER\",\"coordinatorId\":\"x\"}"),
                Arguments.of("decline: duplicate key", "decline", "{\"reason\":\"OTHER\",\"reason\":\"AWAY\"}"),
                Arguments.of("stage: unknown", "stage", "{\"stage\":\"CLOSED\"}"),
                Arguments.of("stage: lower case", "stage", "{\"stage\":\"first_contact\"}"),
                Arguments.of("stage: number", "stage", "{\"stage\":1}"),
                Arguments.of("stage: operator", "stage", "{\"stage\":{\"$gt\":\"\"}}"),
                Arguments.of("stage: not accepted yet", "stage", "{\"stage\":\"FIRST_CONTACT\"}"),
                Arguments.of("closure: unknown outcome", "closure", "{\"outcome\":\"WON\",\"reason\":\"x\"}"),
                Arguments.of("closure: no reason", "closure", "{\"outcome\":\"OTHER\"}"),
                Arguments.of("closure: blank reason", "closure", "{\"outcome\":\"OTHER\",\"reason\":\" \\u3000 \"}"),
                Arguments.of("closure: right-to-left override in the reason", "closure",
                        "{\"outcome\":\"OTHER\",\"reason\":\"Bidi\\u202egnp.exe\"}"),
                Arguments.of("closure: BOM in the reason", "closure",
                        "{\"outcome\":\"OTHER\",\"reason\":\"終了\\ufeff\"}"),
                Arguments.of("closure: huge reason", "closure",
                        "{\"outcome\":\"OTHER\",\"reason\":\"" + "長".repeat(2001) + "\"}"),
                Arguments.of("closure: mass assignment", "closure",
                        "{\"outcome\":\"OTHER\",\"reason\":\"x\",\"closedBy\":\"me\",\"status\":\"CLOSED\"}"),
                Arguments.of("notes: empty", "notes", "{\"text\":\"\"}"),
                Arguments.of("notes: isolate", "notes", "{\"text\":\"記録\\u2066x\\u2069\"}"),
                Arguments.of("notes: carriage return", "notes", "{\"text\":\"a\\rb\"}"),
                Arguments.of("notes: huge", "notes", "{\"text\":\"" + "長".repeat(4001) + "\"}"),
                Arguments.of("notes: operator", "notes", "{\"text\":{\"$ne\":1}}"),
                Arguments.of("notes: author set by the client", "notes", "{\"text\":\"x\",\"author\":\"someone\"}"),
                Arguments.of("reassignment: coordinator without id", "reassignment", "{\"to\":\"COORDINATOR\"}"),
                Arguments.of("reassignment: queue with id", "reassignment",
                        "{\"to\":\"QUEUE\",\"coordinatorId\":\"" + unknownRosterId + "\"}"),
                Arguments.of("reassignment: path as id", "reassignment",
                        "{\"to\":\"COORDINATOR\",\"coordinatorId\":\"../../x\"}"),
                Arguments.of("reassignment: operator as id", "reassignment",
                        "{\"to\":\"COORDINATOR\",\"coordinatorId\":{\"$ne\":null}}"),
                Arguments.of("reassignment: unknown target", "reassignment", "{\"to\":\"ELSEWHERE\"}"),
                Arguments.of("reassignment: nobody on the roster", "reassignment",
                        "{\"to\":\"COORDINATOR\",\"coordinatorId\":\"" + unknownRosterId + "\"}"),
                Arguments.of("reassignment: override in the note", "reassignment",
                        "{\"to\":\"QUEUE\",\"note\":\"\\u202e\"}"));
    }

    /**
     * Every hostile body on the case workflow is a 4xx problem and leaves the case as it was. The assigned coordinator
     * sends declines and stages, the Kanto regional body the rest: callers who may act, so that nothing but the body
     * is refused.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileCaseBodies")
    void a_hostile_body_on_a_case_is_a_problem_and_changes_nothing(String name, String action, String body,
                                                                   Actors actors, FrontDoor frontDoor) {
        JsonNode target = caseTarget(actors);
        String caller = action.equals("decline") || action.equals("stage")
                ? actors.token(COORDINATOR) : actors.token(REGIONAL_BODY_KANTO);

        Answer refused = frontDoor.send("POST", Coordination.CASES + "/" + target.path("id").asString() + "/" + action,
                caller, body, "application/json");

        assertProblem(refused);
        assertUnchanged(target, actors);
    }

    @Test
    void hostile_case_list_parameters_ids_bureaus_and_if_match_values_are_problems(Actors actors, FrontDoor frontDoor) {
        JsonNode target = caseTarget(actors);
        SoftAssertions softly = new SoftAssertions();
        for (String query : List.of("?view=all", "?view=queue", "?view=queue&bureau=mars", "?view=QUEUE&bureau=kanto",
                "?stage=CLOSED", "?view=queue&bureau=kanto&stage=FIRST_CONTACT", "?limit=0", "?limit=501",
                "?limit=1e3", "?limit=-1", "?view=mine&view=queue", "?bureau", "?sort=openedAt", "?bureau=%24ne",
                "?bureau%5B%24ne%5D=x", "?view=queue&bureau=%E2%80%AEkanto", "?" + "p".repeat(300) + "=1")) {
            for (Actor caller : List.of(ADMIN, REGIONAL_BODY_KANTO, COORDINATOR)) {
                Answer answer = frontDoor.get(Coordination.CASES + query, actors.token(caller));
                softly.assertThat(answer.status()).as("%s as %s", answer, caller).isBetween(400, 499);
                softly.assertThat(answer.isProblem()).as("problem+json: %s as %s", answer, caller).isTrue();
            }
        }
        for (String path : List.of("/%7B%22%24ne%22%3A1%7D", "/%24where", "/" + "x".repeat(2000), "/%E2%80%AE",
                "/workload/mars", "/workload/%24ne", "/workload/KANTO", "/" + target.path("id").asString() + "%00")) {
            Answer answer = frontDoor.get(Coordination.CASES + path, actors.token(ADMIN));
            softly.assertThat(answer.status()).as("%s", answer).isBetween(400, 499);
            softly.assertThat(answer.isProblem()).as("problem+json: %s", answer).isTrue();
        }
        for (String ifMatch : List.of("*", "W/\"" + target.path("revision").asLong() + "\"", "\"0\", \"1\"", "0",
                "\"-1\"", "\"99999999999999999999\"")) {
            Answer answer = frontDoor.send("POST", Coordination.CASES + "/" + target.path("id").asString()
                    + "/acceptance", actors.token(COORDINATOR), null, Map.of("If-Match", ifMatch));
            softly.assertThat(answer.status()).as("If-Match %s: %s", ifMatch, answer).isEqualTo(412);
            softly.assertThat(answer.isProblem()).as("problem+json: %s", answer).isTrue();
        }
        softly.assertAll();
        assertUnchanged(target, actors);
    }

    @Test
    void hostile_kpi_parameters_are_problems_for_json_and_csv(Actors actors, FrontDoor frontDoor) {
        SoftAssertions softly = new SoftAssertions();
        for (String path : List.of("/api/feeds/kpis", "/api/feeds/kpis.csv")) {
            for (String query : List.of("?asOf=2999-01-01", "?asOf=2026-02-30", "?asOf=2026-1-1", "?asOf=%24ne",
                    "?asOf%5B%24ne%5D=x", "?asOf=2026-01-01&asOf=2026-01-02", "?asOf", "?bureau=chubu",
                    "?asOf=%E2%80%AE2026-01-01", "?asOf=" + "9".repeat(2000), "?" + "p".repeat(300) + "=1",
                    "?format=csv")) {
                for (Actor caller : List.of(ADMIN, REGIONAL_BODY_KANTO)) {
                    Answer answer = frontDoor.get(path + query, actors.token(caller));
                    softly.assertThat(answer.status()).as("%s as %s", answer, caller).isEqualTo(400);
                    softly.assertThat(answer.isProblem()).as("problem+json: %s as %s", answer, caller).isTrue();
                }
            }
        }
        softly.assertAll();
    }

    /** A case of organisation A assigned to COORDINATOR, made once for these probes; as the administrator read it. */
    private static synchronized JsonNode caseTarget(Actors actors) {
        if (caseTarget == null) {
            caseTarget = actors.coordination().caseOfAWithTheCoordinator();
        }
        return caseTarget;
    }

    private static void assertUnchanged(JsonNode target, Actors actors) {
        JsonNode now = actors.coordination().read(target.path("id").asString(), actors.token(ADMIN));
        assertThat(now.path("revision").asLong()).as("the case's revision: %s", now)
                .isEqualTo(target.path("revision").asLong());
        assertThat(now.path("status").asString()).isEqualTo("ASSIGNED");
    }

    private static void assertProblem(Answer answer) {
        assertThat(answer.status()).as("%s", answer).isBetween(400, 499);
        assertThat(answer.isProblem()).as("problem+json: %s", answer).isTrue();
        assertThat(answer.json().path("status").asInt()).as("%s", answer).isEqualTo(answer.status());
    }

    private static void assertInvalidFields(Answer answer, String... fields) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(400);
        assertThat(answer.isProblem()).as("%s", answer).isTrue();
        assertThat(answer.json().path("type").asString()).isEqualTo("https://iinj.jp/problems/invalid-request");
        assertThat(answer.json().path("errors").findValuesAsString("field")).as("%s", answer).containsExactlyInAnyOrder(fields);
    }
}
