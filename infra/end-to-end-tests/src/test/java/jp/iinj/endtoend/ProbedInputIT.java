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
import jp.iinj.endtoend.support.FeedSubscriptions;
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
    private static String subscriptionTarget;

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

    // ---- event feeds: webhook subscriptions ---------------------------------------------------------------------

    private static final String INERT_TYPES = "\"types\":[\"" + FeedSubscriptions.MEMBER_REGISTERED + "\"]";
    private static final String INERT_FILTERS = "\"filters\":[{\"exact\":{\"subject\":\"e2e-no-such-aggregate\"}}]";
    private static final String HTTP = "\"protocol\":\"HTTP\"";

    /** A body that is valid but for its sink; it matches no event, so even one wrongly accepted never delivers. */
    private static String withSink(String sinkJson) {
        return "{\"sink\":" + sinkJson + "," + HTTP + "," + INERT_TYPES + "," + INERT_FILTERS + "}";
    }

    private static String withSinkText(String sink) {
        return withSink(Json.write(sink));
    }

    /** A body that is valid but for its filters. */
    private static String withFilters(String filtersJson) {
        return "{\"sink\":" + Json.write(FeedSubscriptions.receiver().url().toString()) + "," + HTTP + ","
                + INERT_TYPES + ",\"filters\":" + filtersJson + "}";
    }

    /** A body that is valid but for these fields (JSON members without braces). */
    private static String with(String members) {
        return "{\"sink\":" + Json.write(FeedSubscriptions.receiver().url().toString()) + "," + members + "}";
    }

    private static String nested(String dialect, int depth) {
        String inner = "{\"exact\":{\"type\":\"x\"}}";
        for (int i = 0; i < depth; i++) {
            inner = dialect.equals("not") ? "{\"not\":" + inner + "}" : "{\"" + dialect + "\":[" + inner + "]}";
        }
        return "[" + inner + "]";
    }

    private static String repeated(String element, int times) {
        return "[" + String.join(",", java.util.Collections.nCopies(times, element)) + "]";
    }

    static Stream<Arguments> hostileSubscriptionBodies() {
        String sink = FeedSubscriptions.receiver().url().toString();
        return Stream.of(
                // the shape
                Arguments.of("not JSON", "{sink:"),
                Arguments.of("an array", "[" + withSinkText(sink) + "]"),
                Arguments.of("a string", "\"" + sink + "\""),
                Arguments.of("empty object", "{}"),
                Arguments.of("duplicate sink", "{\"sink\":\"" + sink + "\",\"sink\":\"http://10.0.0.1/\"," + HTTP + "}"),
                Arguments.of("client-chosen id", with("\"id\":\"mine\"," + HTTP + "," + INERT_TYPES + "," + INERT_FILTERS)),
                Arguments.of("mass assignment", with(HTTP + "," + INERT_TYPES + "," + INERT_FILTERS
                        + ",\"status\":\"ACTIVE\",\"secret\":\"whsec_AAAA\",\"owner\":\"someone\",\"everything\":true")),
                // wrong types
                Arguments.of("sink a number", withSink("2130706433")),
                Arguments.of("sink an operator", withSink("{\"$ne\":null}")),
                Arguments.of("sink a list", withSink("[\"" + sink + "\"]")),
                Arguments.of("protocol a boolean", with("\"protocol\":true," + INERT_TYPES + "," + INERT_FILTERS)),
                Arguments.of("protocol MQTT", with("\"protocol\":\"MQTT\"," + INERT_TYPES + "," + INERT_FILTERS)),
                Arguments.of("no protocol", with(INERT_TYPES + "," + INERT_FILTERS)),
                Arguments.of("types a string", with(HTTP + ",\"types\":\"" + FeedSubscriptions.MEMBER_REGISTERED + "\","
                        + INERT_FILTERS)),
                Arguments.of("types numbers", with(HTTP + ",\"types\":[1,2]," + INERT_FILTERS)),
                Arguments.of("types an operator", with(HTTP + ",\"types\":[{\"$ne\":null}]," + INERT_FILTERS)),
                Arguments.of("types null", with(HTTP + ",\"types\":[null]," + INERT_FILTERS)),
                Arguments.of("types unknown", with(HTTP + ",\"types\":[\"jp.iinj.nothing.v1\"]," + INERT_FILTERS)),
                Arguments.of("types with an override", with(HTTP + ",\"types\":[\"" + FeedSubscriptions.MEMBER_REGISTERED
                        + "\\u202e\"]," + INERT_FILTERS)),
                Arguments.of("bureaus a string", with(HTTP + "," + INERT_TYPES + "," + INERT_FILTERS + ",\"bureaus\":\"kanto\"")),
                Arguments.of("bureaus nested", with(HTTP + "," + INERT_TYPES + "," + INERT_FILTERS + ",\"bureaus\":[[\"kanto\"]]")),
                Arguments.of("bureaus an operator", with(HTTP + "," + INERT_TYPES + "," + INERT_FILTERS
                        + ",\"bureaus\":[{\"$in\":[\"kinki\"]}]")),
                Arguments.of("bureaus in capitals", with(HTTP + "," + INERT_TYPES + "," + INERT_FILTERS + ",\"bureaus\":[\"KANTO\"]")),
                Arguments.of("bureaus another body's", with(HTTP + "," + INERT_TYPES + "," + INERT_FILTERS
                        + ",\"bureaus\":[\"kanto\",\"kinki\"]")),
                Arguments.of("bureaus mars", with(HTTP + "," + INERT_TYPES + "," + INERT_FILTERS + ",\"bureaus\":[\"mars\"]")),
                // huge arrays
                Arguments.of("10,000 types", with(HTTP + ",\"types\":" + repeated("\"" + FeedSubscriptions.MEMBER_REGISTERED
                        + "\"", 10_000) + "," + INERT_FILTERS)),
                Arguments.of("10,000 bureaus", with(HTTP + "," + INERT_TYPES + "," + INERT_FILTERS + ",\"bureaus\":"
                        + repeated("\"kanto\"", 10_000))),
                Arguments.of("10,000 filters", withFilters(repeated("{\"exact\":{\"subject\":\"e2e-no-such-aggregate\"}}", 10_000))),
                Arguments.of("10,000 attributes in one exact", withFilters("[{\"exact\":{" + String.join(",",
                        java.util.stream.IntStream.range(0, 10_000).mapToObj(i -> "\"a" + i + "\":\"x\"").toList()) + "}}]")),
                // filters: shape, depth, dialects
                Arguments.of("filters an object", withFilters("{\"exact\":{\"type\":\"x\"}}")),
                Arguments.of("filters a string", withFilters("\"type = 'x'\"")),
                Arguments.of("not nested 9 deep", withFilters(nested("not", 9))),
                Arguments.of("any nested 9 deep", withFilters(nested("any", 9))),
                Arguments.of("not nested 3,000 deep", withFilters(nested("not", 3_000))),
                Arguments.of("all nested 3,000 deep", withFilters(nested("all", 3_000))),
                Arguments.of("dialect sql", withFilters("[{\"sql\":\"bureau = 'kinki' OR 1=1\"}]")),
                Arguments.of("dialect SQL", withFilters("[{\"SQL\":\"type LIKE '%'\"}]")),
                Arguments.of("dialect regex", withFilters("[{\"regex\":{\"type\":\".*\"}}]")),
                Arguments.of("dialect Exact", withFilters("[{\"Exact\":{\"type\":\"x\"}}]")),
                Arguments.of("two dialects in one", withFilters("[{\"exact\":{\"type\":\"x\"},\"prefix\":{\"type\":\"x\"}}]")),
                Arguments.of("empty expression", withFilters("[{}]")),
                Arguments.of("empty exact", withFilters("[{\"exact\":{}}]")),
                Arguments.of("empty any", withFilters("[{\"any\":[]}]")),
                Arguments.of("any not a list", withFilters("[{\"any\":\"x\"}]")),
                Arguments.of("not a list", withFilters("[{\"not\":[]}]")),
                Arguments.of("unknown attribute", withFilters("[{\"exact\":{\"owner\":\"x\"}}]")),
                Arguments.of("attribute an operator", withFilters("[{\"exact\":{\"$where\":\"1\"}}]")),
                // non-string values
                Arguments.of("exact a number", withFilters("[{\"exact\":{\"type\":1}}]")),
                Arguments.of("exact null", withFilters("[{\"exact\":{\"type\":null}}]")),
                Arguments.of("exact a list", withFilters("[{\"exact\":{\"type\":[\"a\"]}}]")),
                Arguments.of("prefix an operator", withFilters("[{\"prefix\":{\"subject\":{\"$regex\":\".*\"}}}]")),
                Arguments.of("suffix a boolean", withFilters("[{\"suffix\":{\"bureau\":true}}]")),
                Arguments.of("exact empty value", withFilters("[{\"exact\":{\"bureau\":\"\"}}]")),
                Arguments.of("prefix 257 characters", withFilters("[{\"prefix\":{\"subject\":\"" + "x".repeat(257) + "\"}}]")),
                // control and invisible characters
                Arguments.of("NUL in a filter value", withFilters("[{\"exact\":{\"subject\":\"a\\u0000b\"}}]")),
                Arguments.of("CR LF in a filter value", withFilters("[{\"exact\":{\"subject\":\"a\\r\\nb\"}}]")),
                Arguments.of("override in a filter value", withFilters("[{\"exact\":{\"bureau\":\"\\u202ekanto\"}}]")),
                Arguments.of("zero width in a filter value", withFilters("[{\"exact\":{\"bureau\":\"kan\\u200bto\"}}]")),
                Arguments.of("NUL in an attribute name", withFilters("[{\"exact\":{\"ty\\u0000pe\":\"x\"}}]")),
                Arguments.of("CR LF in the sink", withSinkText(sink + "\r\nX-Injected: 1")),
                Arguments.of("NUL in the sink", withSinkText(sink + "\u0000")),
                Arguments.of("override in the sink", withSinkText(sink + "\u202e")),
                // enormous sinks
                Arguments.of("sink of 2,049 characters", withSinkText(sink + "/" + "a".repeat(2048 - sink.length()))),
                Arguments.of("sink of 100,000 characters", withSinkText(sink + "/" + "a".repeat(100_000))),
                // sinks webhooks may not reach, however written
                Arguments.of("sink private 10/8", withSinkText("http://10.0.0.1/hooks")),
                Arguments.of("sink private 192.168/16", withSinkText("http://192.168.0.1/hooks")),
                Arguments.of("sink private 172.16/12", withSinkText("https://172.16.0.1/hooks")),
                Arguments.of("sink carrier-grade NAT", withSinkText("http://100.64.0.1/hooks")),
                Arguments.of("sink cloud metadata", withSinkText("http://169.254.169.254/latest/meta-data/")),
                Arguments.of("sink cloud metadata over IPv6", withSinkText("http://[fd00:ec2::254]/latest/meta-data/")),
                Arguments.of("sink metadata IPv4-mapped", withSinkText("http://[::ffff:169.254.169.254]/")),
                Arguments.of("sink metadata IPv4-mapped in hex", withSinkText("http://[::ffff:a9fe:a9fe]/")),
                Arguments.of("sink metadata IPv4-compatible", withSinkText("http://[::169.254.169.254]/")),
                Arguments.of("sink metadata via NAT64", withSinkText("http://[64:ff9b::a9fe:a9fe]/")),
                Arguments.of("sink metadata in decimal", withSinkText("http://2852039166/")),
                Arguments.of("sink metadata in hex", withSinkText("http://0xa9fea9fe/")),
                Arguments.of("sink metadata in octal", withSinkText("http://0251.0376.0251.0376/")),
                Arguments.of("sink metadata by name", withSinkText("http://metadata.google.internal/computeMetadata/v1/")),
                Arguments.of("sink link-local IPv6", withSinkText("http://[fe80::1]/")),
                Arguments.of("sink unspecified", withSinkText("http://0.0.0.0/")),
                Arguments.of("sink unspecified IPv6", withSinkText("http://[::]/")),
                Arguments.of("sink zero", withSinkText("http://0/")),
                Arguments.of("sink loopback in decimal", withSinkText("http://2130706433/")),
                Arguments.of("sink loopback in hex", withSinkText("http://0x7f.0.0.1/")),
                Arguments.of("sink loopback in octal", withSinkText("http://0177.0.0.1/")),
                Arguments.of("sink loopback shortened", withSinkText("http://127.1/")),
                Arguments.of("sink in fullwidth digits", withSinkText("http://１２７.０.０.１/")),
                Arguments.of("sink with ideographic full stops", withSinkText("http://127。0。0。1/")),
                Arguments.of("sink with a Cyrillic letter", withSinkText("http://loc\u0430lhost/")),
                Arguments.of("sink in enclosed letters", withSinkText("http://ⓛⓞⓒⓐⓛⓗⓞⓢⓣ/")),
                Arguments.of("sink file", withSinkText("file:///etc/passwd")),
                Arguments.of("sink javascript", withSinkText("javascript:alert(1)")),
                Arguments.of("sink data", withSinkText("data:text/plain,x")),
                Arguments.of("sink ftp", withSinkText("ftp://127.0.0.1/hooks")),
                Arguments.of("sink gopher", withSinkText("gopher://127.0.0.1:25/_HELO")),
                Arguments.of("sink with credentials", withSinkText("http://user:secret@127.0.0.1/hooks")),
                Arguments.of("sink with a fragment", withSinkText(sink + "#x")),
                Arguments.of("sink relative", withSinkText("/hooks")),
                Arguments.of("sink scheme-relative", withSinkText("//127.0.0.1/hooks")),
                Arguments.of("sink without host", withSinkText("http:///hooks")),
                Arguments.of("sink blank", withSinkText(" ")));
    }

    /**
     * Every hostile subscription body sent by the Kanto regional body (who may subscribe) is a 4xx problem: no
     * subscription is made, and its existing one stays as it was.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileSubscriptionBodies")
    void a_hostile_subscription_body_is_a_problem_and_changes_nothing(String name, String body, Actors actors,
                                                                      FrontDoor frontDoor) {
        String token = actors.token(REGIONAL_BODY_KANTO);
        JsonNode before = actors.feedSubscriptions().read(subscriptionTarget(actors), token);
        List<String> listed = actors.feedSubscriptions().ids(token);

        Answer refused = frontDoor.send("POST", FeedSubscriptions.SUBSCRIPTIONS, token, body, "application/json");

        assertProblem(refused);
        assertThat(actors.feedSubscriptions().ids(token)).as("the Kanto body's subscriptions").isEqualTo(listed);
        assertThat(actors.feedSubscriptions().read(subscriptionTarget(actors), token)).isEqualTo(before);
    }

    static Stream<Arguments> hostileReplayRanges() {
        return Stream.of(
                Arguments.of("empty", "{}"),
                Arguments.of("nulls", "{\"from\":null,\"to\":null}"),
                Arguments.of("no to", "{\"from\":\"2026-01-01T00:00:00Z\"}"),
                Arguments.of("from after to", "{\"from\":\"2026-02-01T00:00:00Z\",\"to\":\"2026-01-01T00:00:00Z\"}"),
                Arguments.of("words", "{\"from\":\"yesterday\",\"to\":\"today\"}"),
                Arguments.of("month 13", "{\"from\":\"2026-13-45T00:00:00Z\",\"to\":\"2026-12-01T00:00:00Z\"}"),
                Arguments.of("no zone", "{\"from\":\"2026-01-01T00:00:00\",\"to\":\"2026-01-02T00:00:00\"}"),
                Arguments.of("lists", "{\"from\":[\"2026-01-01T00:00:00Z\"],\"to\":[\"2026-01-02T00:00:00Z\"]}"),
                Arguments.of("operators", "{\"from\":{\"$gt\":\"\"},\"to\":{\"$lt\":\"~\"}}"),
                Arguments.of("booleans", "{\"from\":true,\"to\":false}"),
                // not probed: an instant with a trailing NUL or space is read as that instant (Jackson's java.time
                // readers trim up to U+0020, on every service), so it is no hostile range; refusing it belongs in
                // StrictJsonReading
                Arguments.of("the ends of time", "{\"from\":\"-1000000000-01-01T00:00:00Z\","
                        + "\"to\":\"+1000000000-12-31T23:59:59.999999999Z\"}"),
                Arguments.of("far future", "{\"from\":\"+999999999-01-01T00:00:00Z\",\"to\":\"+1000000000-12-31T23:59:59Z\"}"),
                Arguments.of("huge year", "{\"from\":\"+10000000000-01-01T00:00:00Z\",\"to\":\"+10000000000-01-02T00:00:00Z\"}"),
                Arguments.of("another subscription named", "{\"from\":\"2020-01-01T00:00:00Z\","
                        + "\"to\":\"2020-01-02T00:00:00Z\",\"subscriptionId\":\"x\"}"),
                Arguments.of("duplicate keys", "{\"from\":\"2020-01-01T00:00:00Z\",\"from\":\"2020-01-02T00:00:00Z\","
                        + "\"to\":\"2020-01-02T00:00:00Z\"}"),
                Arguments.of("an array", "[{\"from\":\"2020-01-01T00:00:00Z\",\"to\":\"2020-01-02T00:00:00Z\"}]"));
    }

    /** Hostile replay ranges on the Kanto body's subscription: 4xx problems, and the subscription unchanged. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileReplayRanges")
    void a_hostile_replay_range_is_a_problem_and_changes_nothing(String name, String body, Actors actors,
                                                                 FrontDoor frontDoor) {
        String token = actors.token(REGIONAL_BODY_KANTO);
        String id = subscriptionTarget(actors);
        JsonNode before = actors.feedSubscriptions().read(id, token);

        Answer refused = frontDoor.send("POST", FeedSubscriptions.SUBSCRIPTIONS + "/" + id + "/replays", token, body,
                "application/json");

        assertProblem(refused);
        assertThat(actors.feedSubscriptions().read(id, token)).isEqualTo(before);
        assertThat(actors.feedSubscriptions().deliveries(id, token)).as("the delivery log").isEmpty();
    }

    @Test
    void hostile_subscription_ids_delivery_ids_and_delivery_log_parameters_are_problems(Actors actors,
                                                                                         FrontDoor frontDoor) {
        String id = subscriptionTarget(actors);
        String base = FeedSubscriptions.SUBSCRIPTIONS + "/" + id;
        JsonNode before = actors.feedSubscriptions().read(id, actors.token(REGIONAL_BODY_KANTO));
        SoftAssertions softly = new SoftAssertions();
        for (String query : List.of("?limit=0", "?limit=201", "?limit=-1", "?limit=1e3", "?limit=abc",
                "?limit=99999999999999999999", "?limit=5&limit=6", "?limit", "?before=yesterday",
                "?before=2026-01-01T00:00:00", "?before=%2B1000000000-12-31T23:59:59.999999999Z",
                "?before=-1000000000-01-01T00:00:00Z", "?before=%2B10000000000-01-01T00:00:00Z",
                "?before=%2B999999999-01-01T00:00:00Z",
                "?before=2020-01-01T00:00:00Z&before=2020-01-02T00:00:00Z", "?status=FAILED", "?subscriptionId=x",
                "?before%5B%24gt%5D=x", "?limit=%E2%80%AE5", "?" + "p".repeat(300) + "=1")) {
            for (Actor caller : List.of(ADMIN, REGIONAL_BODY_KANTO)) {
                Answer answer = frontDoor.get(base + "/deliveries" + query, actors.token(caller));
                softly.assertThat(answer.status()).as("%s as %s", answer, caller).isBetween(400, 499);
                softly.assertThat(answer.isProblem()).as("problem+json: %s as %s", answer, caller).isTrue();
            }
        }
        for (String path : List.of("/%7B%22%24ne%22%3A1%7D", "/%24where", "/" + "x".repeat(2000), "/%E2%80%AE",
                "/" + id + "%00", "/%7B%22%24ne%22%3A1%7D/deliveries", "/" + id + "%00/deliveries",
                "/" + "x".repeat(2000) + "/deliveries")) {
            for (Actor caller : List.of(ADMIN, REGIONAL_BODY_KANTO)) {
                Answer answer = frontDoor.get(FeedSubscriptions.SUBSCRIPTIONS + path, actors.token(caller));
                softly.assertThat(answer.status()).as("%s as %s", answer, caller).isBetween(400, 499);
                softly.assertThat(answer.isProblem()).as("problem+json: %s as %s", answer, caller).isTrue();
            }
        }
        for (String post : List.of("/%24where/secret", "/" + id + "%00/enable", "/" + "x".repeat(2000) + "/replays",
                "/" + id + "/deliveries/%7B%22%24ne%22%3A1%7D/replay", "/" + id + "/deliveries/%24where/replay",
                "/" + id + "/deliveries/" + "x".repeat(2000) + "/replay", "/" + id + "/deliveries/%E2%80%AE/replay",
                "/" + id + "/deliveries/%00/replay")) {
            Answer answer = frontDoor.send("POST", FeedSubscriptions.SUBSCRIPTIONS + post,
                    actors.token(REGIONAL_BODY_KANTO), post.endsWith("/replays")
                            ? "{\"from\":\"2020-01-01T00:00:00Z\",\"to\":\"2020-01-02T00:00:00Z\"}" : null,
                    "application/json");
            softly.assertThat(answer.status()).as("%s", answer).isBetween(400, 499);
            softly.assertThat(answer.isProblem()).as("problem+json: %s", answer).isTrue();
        }
        for (String delete : List.of("/%24where", "/" + id + "%00", "/%7B%22%24ne%22%3A1%7D")) {
            Answer answer = frontDoor.send("DELETE", FeedSubscriptions.SUBSCRIPTIONS + delete,
                    actors.token(REGIONAL_BODY_KANTO), null);
            softly.assertThat(answer.status()).as("%s", answer).isBetween(400, 499);
            softly.assertThat(answer.isProblem()).as("problem+json: %s", answer).isTrue();
        }
        softly.assertAll();
        assertThat(actors.feedSubscriptions().read(id, actors.token(REGIONAL_BODY_KANTO))).isEqualTo(before);
    }

    /** A subscription of the Kanto regional body that matches no event, made once for these probes. */
    private static synchronized String subscriptionTarget(Actors actors) {
        if (subscriptionTarget == null) {
            subscriptionTarget = actors.feedSubscriptions().inert(actors.token(REGIONAL_BODY_KANTO));
        }
        return subscriptionTarget;
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
