package jp.iinj.portal.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

import jp.iinj.portal.support.PortalTestSupport;
import jp.iinj.portal.support.StubGateway.Answer;

/** A regional body's webhook subscriptions: list, creation with the secret once, delivery log, replays, rotation. */
class SubscriptionPagesIT extends PortalTestSupport {

    private static final String ID = "sub-1";
    private static final String API = "/api/feeds/subscriptions";
    private static final String PAGE = "/regional/subscriptions/" + ID;

    static String subscription(String id, String sink, String status, String disabled, String rotation) {
        return """
                {"id":"%s","types":["jp.iinj.matching.match-agreed.v1"],
                 "filters":[{"exact":{"prefecture":"23"}}],"sink":"%s","protocol":"HTTP","bureaus":["chubu"],
                 "status":"%s","disabled":%s,"createdAt":"2026-12-01T00:00:00Z","rotation":%s}"""
                .formatted(id, sink, status, disabled, rotation);
    }

    static String active() {
        return subscription(ID, "https://hooks.example.jp/iinj", "ACTIVE", "null", "null");
    }

    static String failing() {
        return subscription(ID, "https://hooks.example.jp/iinj", "DISABLED",
                "{\"reason\":\"FAILING\",\"lastStatus\":503,\"detail\":\"HTTP 503 for 17 hours\",\"at\":\"2026-12-04T03:00:00Z\"}", "null");
    }

    static final String DELIVERIES = """
            {"deliveries":[
              {"id":"msg_2","eventId":"e-2","eventType":"jp.iinj.matching.match-agreed.v1","subject":"m-9",
               "eventTime":"2026-12-04T01:00:00Z","status":"FAILED",
               "attempts":[{"at":"2026-12-04T01:00:01Z","status":503,"result":"FAILED","error":"Service Unavailable","tookMillis":41},
                           {"at":"2026-12-04T01:00:06Z","status":null,"result":"FAILED","error":"timed out after 15 s","tookMillis":15000}],
               "nextAttemptAt":"2026-12-04T01:05:06Z"},
              {"id":"msg_1","eventId":"e-1","eventType":"jp.iinj.matching.match-agreed.v1","subject":"m-8",
               "eventTime":"2026-12-03T01:00:00Z","status":"DELIVERED",
               "attempts":[{"at":"2026-12-03T01:00:01Z","status":204,"result":"DELIVERED","error":null,"tookMillis":12,"replay":true}],
               "nextAttemptAt":null},
              {"id":"msg_3","eventId":"e-3","eventType":"jp.iinj.matching.match-agreed.v1","subject":"m-10",
               "eventTime":"2026-12-04T02:00:00Z","status":"PENDING","attempts":[],"nextAttemptAt":"2026-12-04T02:00:00Z"}]}""";

    private static Map<String, Object> chubu() {
        return regionalBody("chubu");
    }

    private void subscriptionPage(String subscription) {
        GATEWAY.answer("GET", API + "/" + ID, Answer.json(200, subscription));
        GATEWAY.answer("GET", API + "/" + ID + "/deliveries", Answer.json(200, DELIVERIES));
    }

    private String get(String uri) {
        return as(chubu()).get().uri(uri).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody();
    }

    @Test
    void theListSaysPlainlyWhichSubscriptionsStoppedAndWhy() {
        GATEWAY.answer("GET", API, Answer.json(200, "{\"subscriptions\":[" + active().replace(ID, "sub-0") + ","
                + subscription(ID, "https://gone.example.jp/hook", "DISABLED",
                "{\"reason\":\"GONE\",\"detail\":null,\"at\":\"2026-12-04T03:00:00Z\"}", "null") + "]}"));
        String page = get("/regional/subscriptions");
        assertThat(page).contains("<h1>Webhook 購読</h1>", "配信を停止した購読が 1 件あります",
                "送信先が「もう存在しない」（HTTP 410）と答えたため停止しました。", "2026-12-04 12:00",
                "href=\"/regional/subscriptions/sub-1\"", "href=\"/regional/subscriptions/sub-0\"",
                "https://gone.example.jp/hook", "配信中", "停止中", "マッチングの成立", "href=\"/regional/subscriptions/new\"");
        GATEWAY.answer("GET", API, Answer.json(200, "{\"subscriptions\":[]}"));
        page = as(chubu()).get().uri("/regional/subscriptions?done=deleted").cookie("PORTAL_LANG", "en").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("The subscription was deleted.", "No subscription yet.").doesNotContain("<table");
        as(owner("3f0c")).get().uri("/regional/subscriptions").exchange().expectStatus().isForbidden();
        as(owner("3f0c")).get().uri("/regional/subscriptions/new").exchange().expectStatus().isForbidden();
    }

    @Test
    void aSubscriptionIsCreatedFromTheFormAndItsSecretIsShownOnceNeverCached() {
        String form = get("/regional/subscriptions/new");
        assertThat(form).contains("name=\"sink\"", "name=\"types\"", "value=\"jp.iinj.matching.match-agreed.v1\"",
                "マッチングの成立", "name=\"filterAttribute\"", "name=\"filterDialect\"", "name=\"rawFilters\"");
        GATEWAY.answer("POST", API, Answer.json(201, "{\"id\":\"sub-1\",\"types\":[\"jp.iinj.matching.match-agreed.v1\"],"
                + "\"filters\":[],\"sink\":\"https://hooks.example.jp/iinj\",\"protocol\":\"HTTP\",\"bureaus\":[\"chubu\"],"
                + "\"status\":\"ACTIVE\",\"disabled\":null,\"createdAt\":\"2026-12-05T00:00:00Z\",\"rotation\":null,"
                + "\"secret\":\"whsec_c2VjcmV0LW9mLXRoZS10ZXN0\"}").withHeader("Location", API + "/sub-1"));
        var created = as(chubu()).post().uri("/regional/subscriptions").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("sink", " https://hooks.example.jp/iinj ")
                        .with("types", "jp.iinj.matching.match-agreed.v1")
                        .with("filterAttribute", "prefecture").with("filterDialect", "exact").with("filterValue", "23")
                        .with("filterAttribute", "type").with("filterDialect", "exact").with("filterValue", "")
                        .with("filterAttribute", "cluster").with("filterDialect", "prefix").with("filterValue", "cl-")
                        .with("rawFilters", "[{\"not\":{\"suffix\":{\"subject\":\"-test\"}}}]"))
                .exchange().expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(created).contains("whsec_c2VjcmV0LW9mLXRoZS10ZXN0", "二度と表示されません", "https://hooks.example.jp/iinj",
                "href=\"/regional/subscriptions/sub-1\"");
        assertThat(GATEWAY.last("POST", API).body()).isEqualTo("{\"types\":[\"jp.iinj.matching.match-agreed.v1\"],"
                + "\"filters\":[{\"exact\":{\"prefecture\":\"23\"}},{\"prefix\":{\"cluster\":\"cl-\"}},"
                + "{\"not\":{\"suffix\":{\"subject\":\"-test\"}}}],\"sink\":\"https://hooks.example.jp/iinj\",\"protocol\":\"HTTP\"}");

        // nothing chosen: every type, no filters, and neither is sent
        as(chubu()).post().uri("/regional/subscriptions").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("sink", "https://hooks.example.jp/all")).exchange().expectStatus().isCreated();
        assertThat(GATEWAY.last("POST", API).body()).isEqualTo("{\"sink\":\"https://hooks.example.jp/all\",\"protocol\":\"HTTP\"}");
        // a body covering two bureaus may narrow a subscription to one of them, never to another body's
        String twoBureaus = as(regionalBody("kanto", "kinki")).get().uri("/regional/subscriptions/new").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(twoBureaus).contains("name=\"bureaus\"", "value=\"kanto\"", "value=\"kinki\"").doesNotContain("value=\"kyushu\"");
        as(regionalBody("kanto", "kinki")).post().uri("/regional/subscriptions").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("sink", "https://hooks.example.jp/kinki").with("bureaus", "kinki"))
                .exchange().expectStatus().isCreated();
        assertThat(GATEWAY.last("POST", API).body()).isEqualTo(
                "{\"sink\":\"https://hooks.example.jp/kinki\",\"protocol\":\"HTTP\",\"bureaus\":[\"kinki\"]}");
        String refused = as(regionalBody("kanto", "kinki")).post().uri("/regional/subscriptions")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("sink", "https://hooks.example.jp/kyushu").with("bureaus", "kyushu"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(refused).contains("id=\"bureaus-error\"", "担当していない局が含まれています。");
        // the secret is never on the subscription's own page
        subscriptionPage(active());
        assertThat(get(PAGE)).doesNotContain("whsec_");
    }

    @Test
    void theFormsOwnMistakesAndTheApisFieldProblemsStandByTheirFields() {
        String page = as(chubu()).post().uri("/regional/subscriptions").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("sink", "").with("types", "jp.iinj.identity.person-joined-member.v1")
                        .with("filterAttribute", "subject").with("filterDialect", "exact").with("filterValue", "x")
                        .with("rawFilters", "{not json"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("id=\"sink-error\"", "送信先 URL を入力してください。", "id=\"types-error\"",
                "id=\"filterValue0-error\"", "id=\"rawFilters-error\"", "{not json", "aria-invalid=\"true\"");
        assertThat(GATEWAY.received()).noneMatch(request -> request.method().equals("POST"));

        GATEWAY.answer("POST", API, new Answer(400, "application/problem+json", """
                {"type":"https://iinj.jp/problems/invalid-request","title":"Invalid request","status":400,
                 "detail":"Some fields are invalid.","errors":[
                   {"field":"sink","message":"the address 10.0.0.5 is private"},
                   {"field":"filters[1]","message":"unsupported dialect 'sql'"}]}""", Map.of()));
        page = as(chubu()).post().uri("/regional/subscriptions").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("sink", "https://10.0.0.5/hook")
                        .with("rawFilters", "[{\"exact\":{\"type\":\"a\"}},{\"sql\":\"type = 'a'\"}]"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("id=\"sink-error\"", "受け付けられません：the address 10.0.0.5 is private",
                "id=\"rawFilters-error\"", "filters[1]: unsupported dialect &#39;sql&#39;", "value=\"https://10.0.0.5/hook\"");

        GATEWAY.answer("POST", API, Answer.conflict("too-many-subscriptions", "at most 20"));
        page = as(chubu()).post().uri("/regional/subscriptions").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("sink", "https://hooks.example.jp/iinj"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("role=\"alert\"", "購読の数が上限に達しています", "value=\"https://hooks.example.jp/iinj\"");
        GATEWAY.answer("POST", API, Answer.conflict("something-new", "later"));
        page = as(chubu()).post().uri("/regional/subscriptions").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("sink", "https://hooks.example.jp/iinj"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("role=\"alert\"", "いまの状態ではこの操作はできません");
    }

    @Test
    void theSubscriptionPageShowsEveryAttemptOfItsDeliveriesAndWhyItStopped() {
        subscriptionPage(failing());
        String page = get(PAGE);
        assertThat(page).contains("この購読への配信は停止しています。", "送信先への配信が長く失敗し続けたため停止しました。",
                "詳細：HTTP 503 for 17 hours", "最後の応答：HTTP 503", "送り直し", "配信を再開する", "action=\"/regional/subscriptions/sub-1/enable\"",
                "{&quot;exact&quot;:{&quot;prefecture&quot;:&quot;23&quot;}}", "中部経済産業局",
                // the log: statuses, each attempt's answer (or none) and time taken, the next attempt, webhook-id
                "失敗", "配信済み", "配信待ち", "HTTP 503", "応答なし", "timed out after 15 s", "15,000 ミリ秒", "HTTP 204",
                "次の試行：2026-12-04 10:05", "webhook-id：msg_2",
                "action=\"/regional/subscriptions/sub-1/deliveries/msg_2/replay\"",
                "action=\"/regional/subscriptions/sub-1/deliveries/msg_1/replay\"")
                // a delivery still pending is not replayed by hand
                .doesNotContain("deliveries/msg_3/replay");
        assertThat(GATEWAY.last("GET", API + "/" + ID + "/deliveries").query()).isEqualTo("limit=50");
        subscriptionPage(active());
        String english = as(chubu()).get().uri(PAGE).cookie("PORTAL_LANG", "en").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(english).contains("Delivery log", "Delivering", "Match agreed", "no answer")
                .doesNotContain("Enable deliveries again");
    }

    @Test
    void oneDeliveryOrATimeRangeIsSentAgain() {
        subscriptionPage(active());
        GATEWAY.answer("POST", API + "/" + ID + "/deliveries/msg_2/replay", new Answer(202, null, null, Map.of()));
        as(chubu()).post().uri(PAGE + "/deliveries/msg_2/replay").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .exchange().expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, PAGE + "?done=replayed");
        GATEWAY.last("POST", API + "/" + ID + "/deliveries/msg_2/replay");
        assertThat(get(PAGE + "?done=replayed")).contains("このイベントをもう一度送ります。");

        GATEWAY.answer("POST", API + "/" + ID + "/replays", Answer.json(202, "{\"events\":3}"));
        as(chubu()).post().uri(PAGE + "/replays").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("from", "2026-12-01T09:00").with("to", "2026-12-02T09:00:30"))
                .exchange().expectStatus().isSeeOther()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, PAGE + "?done=rangeReplayed&events=3");
        // Japan time in the form, instants to the API
        assertThat(GATEWAY.last("POST", API + "/" + ID + "/replays").body())
                .isEqualTo("{\"from\":\"2026-12-01T00:00:00Z\",\"to\":\"2026-12-02T00:00:30Z\"}");
        assertThat(get(PAGE + "?done=rangeReplayed&events=3")).contains("3 件のイベントをもう一度送ります。");

        String page = as(chubu()).post().uri(PAGE + "/replays").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("from", "2026-12-02T09:00").with("to", "2026-12-01T09:00"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("id=\"to-error\"", "終わりは始まりより後にしてください。", "value=\"2026-12-02T09:00\"");
        GATEWAY.answer("POST", API + "/" + ID + "/replays", Answer.fieldProblem("from", "older than the log keeps"));
        page = as(chubu()).post().uri(PAGE + "/replays").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("from", "2020-01-01T00:00").with("to", "2020-01-02T00:00"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("id=\"from-error\"", "older than the log keeps");

        GATEWAY.answer("POST", API + "/" + ID + "/deliveries/msg_1/replay", Answer.conflict("subscription-disabled", "disabled"));
        page = as(chubu()).post().uri(PAGE + "/deliveries/msg_1/replay").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("role=\"alert\"", "この購読は停止中です。配信を再開してから送り直してください。");
        GATEWAY.answer("POST", API + "/" + ID + "/replays", Answer.conflict("replay-running", "still running"));
        page = as(chubu()).post().uri(PAGE + "/replays").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("from", "2026-12-01T09:00").with("to", "2026-12-02T09:00"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("role=\"alert\"", "送り直しがまだ進んでいます");
    }

    @Test
    void aStoppedSubscriptionIsEnabledAgainAndAnAlreadyActiveOneIsShownAsItIs() {
        GATEWAY.answer("POST", API + "/" + ID + "/enable", Answer.json(200, active()));
        as(chubu()).post().uri(PAGE + "/enable").contentType(MediaType.APPLICATION_FORM_URLENCODED).exchange()
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, PAGE + "?done=enabled");
        subscriptionPage(active());
        assertThat(get(PAGE + "?done=enabled")).contains("配信を再開しました。");

        GATEWAY.answer("POST", API + "/" + ID + "/enable", Answer.conflict("subscription-active", "already active"));
        String page = as(chubu()).post().uri(PAGE + "/enable").contentType(MediaType.APPLICATION_FORM_URLENCODED).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("いまの状態ではこの操作はできません", "配信中");
        // another body's subscription, or one deleted meanwhile: the not-found page
        GATEWAY.answer("POST", API + "/" + ID + "/enable", Answer.problem(404, "Not Found", "no such subscription"));
        as(chubu()).post().uri(PAGE + "/enable").contentType(MediaType.APPLICATION_FORM_URLENCODED).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void rotatingTheSecretShowsTheNewOneOnceAndUntilWhenTheOldOneStillSigns() {
        GATEWAY.answer("POST", API + "/" + ID + "/secret", Answer.json(200,
                "{\"secret\":\"whsec_bmV3LXNlY3JldA\",\"previousSecretValidUntil\":\"2026-12-06T00:00:00Z\"}"));
        String page = as(chubu()).post().uri(PAGE + "/secret").contentType(MediaType.APPLICATION_FORM_URLENCODED).exchange()
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<h1>新しいシークレット</h1>", "whsec_bmV3LXNlY3JldA", "二度と表示されません",
                "2026-12-06 09:00 までは前のシークレットの署名も付けて送ります", "href=\"/regional/subscriptions/sub-1\"");
        subscriptionPage(subscription(ID, "https://hooks.example.jp/iinj", "ACTIVE", "null",
                "{\"previousSecretValidUntil\":\"2026-12-06T00:00:00Z\"}"));
        assertThat(get(PAGE)).contains("前のシークレット", "2026-12-06 09:00 まで有効").doesNotContain("whsec_");
    }

    @Test
    void deletionAsksFirst() {
        subscriptionPage(active());
        assertThat(get(PAGE)).contains("href=\"/regional/subscriptions/sub-1/deletion\"");
        String confirm = get(PAGE + "/deletion");
        assertThat(confirm).contains("送信先 https://hooks.example.jp/iinj への購読を削除しますか？",
                "action=\"/regional/subscriptions/sub-1/deletion\"", "元に戻せません");
        assertThat(GATEWAY.received()).noneMatch(request -> request.method().equals("DELETE"));
        GATEWAY.answer("DELETE", API + "/" + ID, new Answer(204, null, null, Map.of()));
        as(chubu()).post().uri(PAGE + "/deletion").contentType(MediaType.APPLICATION_FORM_URLENCODED).exchange()
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/regional/subscriptions?done=deleted");
        assertThat(GATEWAY.last("DELETE", API + "/" + ID).header("Authorization")).isEqualTo("Bearer access-token");
    }
}
