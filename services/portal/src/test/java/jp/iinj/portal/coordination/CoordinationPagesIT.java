package jp.iinj.portal.coordination;

import static jp.iinj.portal.coordination.CoordinationFixtures.CASE_ID;
import static jp.iinj.portal.coordination.CoordinationFixtures.KANTO_COORDINATOR_ID;
import static jp.iinj.portal.coordination.CoordinationFixtures.OTHER_COORDINATOR_ID;
import static jp.iinj.portal.coordination.CoordinationFixtures.caseJson;
import static jp.iinj.portal.coordination.CoordinationFixtures.coordinator;
import static jp.iinj.portal.coordination.CoordinationFixtures.list;
import static jp.iinj.portal.coordination.CoordinationFixtures.rosterEntry;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

import jp.iinj.portal.support.PortalTestSupport;
import jp.iinj.portal.support.StubGateway.Answer;

/** "My cases", the case page and its actions (with If-Match), for coordinators, members and regional bodies. */
class CoordinationPagesIT extends PortalTestSupport {

    private static final String CASE_PATH = "/api/coordination/cases/" + CASE_ID;

    @Test
    void aCoordinatorSeesTheirCasesInTheApisOrderWithDueDatesOverdueMarksAndWorkload() {
        String urgent = caseJson("ASSIGNED", null, null, 1, true).replace("\"id\":\"c-1\"", "\"id\":\"c-urgent\"");
        String later = caseJson("ACCEPTED", "FIRST_CONTACT", null, 3, false).replace("\"id\":\"c-1\"", "\"id\":\"c-later\"");
        GATEWAY.answer("GET", "/api/coordination/cases", Answer.json(200, list(urgent, later)));
        GATEWAY.answer("GET", "/api/coordination/cases/workload", Answer.json(200,
                "{\"open\":2,\"capacity\":10,\"overdue\":1,\"byStage\":{\"ASSIGNED\":1,\"FIRST_CONTACT\":1},\"cases\":[]}"));
        String page = as(coordinator()).get().uri("/coordination/cases").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<h1>担当案件</h1>", "10 件中 2 件", "受諾待ち", "初回連絡済み", "期限超過",
                "2026-12-04 00:00", "href=\"/coordination/cases\"");
        assertThat(page.indexOf("/coordination/cases/c-urgent")).as("the API's order is kept").isLessThan(page.indexOf("/coordination/cases/c-later"));
        assertThat(GATEWAY.last("GET", "/api/coordination/cases").query()).isEqualTo("view=mine");
    }

    @Test
    void myCasesShowsWhatThePersonWasToldAndMarksItRead() {
        GATEWAY.answer("GET", "/api/coordination/cases", Answer.json(200, list()));
        GATEWAY.answer("GET", "/api/coordination/cases/workload", Answer.json(200,
                "{\"open\":0,\"capacity\":10,\"overdue\":0,\"byStage\":{},\"cases\":[]}"));
        GATEWAY.answer("GET", "/api/coordination/inbox", Answer.json(200, """
                {"items":[{"id":"n-2","kind":"case-assigned","link":"/coordination/cases/c-9","at":"2026-12-03T01:00:00Z","read":false},
                {"id":"n-1","kind":"case-from-the-future","link":"https://elsewhere.example/phish","at":"2026-12-02T01:00:00Z","read":true}],
                "unread":1}"""));
        String page = as(coordinator()).get().uri("/coordination/cases").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("お知らせ（未読 1 件）", "新しい案件が割り当てられました", "href=\"/coordination/cases/c-9\"",
                "案件についてのお知らせがあります", "すべて既読にする").doesNotContain("elsewhere.example");

        GATEWAY.answer("POST", "/api/coordination/inbox/read", new Answer(204, null, null, java.util.Map.of()));
        as(coordinator()).post().uri("/coordination/inbox/read").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("x", "1"))
                .exchange().expectStatus().isSeeOther()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/coordination/cases?done=read");
        assertThat(GATEWAY.received()).anyMatch(request -> request.method().equals("POST")
                && request.path().equals("/api/coordination/inbox/read"));
    }

    @Test
    void myCasesIsShownEvenWhenTheInboxDoesNotAnswer() {
        GATEWAY.answer("GET", "/api/coordination/cases", Answer.json(200, list()));
        GATEWAY.answer("GET", "/api/coordination/inbox", Answer.json(503, "{}"));
        as(owner("3f0c")).get().uri("/coordination/cases").exchange().expectStatus().isOk()
                .expectBody(String.class).value(page -> assertThat(page).contains("お知らせはまだありません"));
    }

    @Test
    void aMemberSeesTheirOwnCasesWithoutAWorkload() {
        GATEWAY.answer("GET", "/api/coordination/cases", Answer.json(200,
                list(caseJson("CLOSED", "NEGOTIATING", closing(), 9, false))));
        String page = as(owner("3f0c")).get().uri("/coordination/cases").cookie("PORTAL_LANG", "en").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<h1>My cases</h1>", "Closed: agreement reached", "Your organisation&#39;s cases")
                .doesNotContain("Your workload");
        assertThat(GATEWAY.received()).noneMatch(request -> request.path().endsWith("/workload"));
    }

    @Test
    void theAssignedCoordinatorAcceptsWithTheRevisionThePageWasReadWith() {
        GATEWAY.answer("GET", CASE_PATH, Answer.json(200, caseJson("ASSIGNED", null, null, 2, false)).withHeader("ETag", "\"2\""));
        String page = as(coordinator()).get().uri("/coordination/cases/" + CASE_ID).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("技術分野が最も重なる（1: 金属加工）", "受諾期限", "2026-12-04 00:00", "案件を受諾する",
                "案件を辞退する", "value=\"&quot;2&quot;\"", "関東経済産業局", "東京都", "大阪府", "href=\"/coordination/cases\"")
                .doesNotContain("担当を変更する", "段階を記録する");
        GATEWAY.answer("POST", CASE_PATH + "/acceptance", Answer.json(200, caseJson("ACCEPTED", null, null, 3, false)));
        as(coordinator()).post().uri("/coordination/cases/" + CASE_ID + "/acceptance").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("revision", "\"2\""))
                .exchange().expectStatus().isSeeOther()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/coordination/cases/" + CASE_ID + "?done=accepted");
        assertThat(GATEWAY.last("POST", CASE_PATH + "/acceptance").header("If-Match")).isEqualTo("\"2\"");
        assertThat(as(coordinator()).get().uri("/coordination/cases/" + CASE_ID + "?done=accepted").exchange()
                .expectBody(String.class).returnResult().getResponseBody()).contains("案件を受諾しました");
    }

    @Test
    void aDeclineNeedsAReasonCodeAndThenLeadsBackToTheList() {
        GATEWAY.answer("GET", CASE_PATH, Answer.json(200, caseJson("ASSIGNED", null, null, 2, false)));
        String page = as(coordinator()).post().uri("/coordination/cases/" + CASE_ID + "/decline").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("revision", "\"2\"").with("note", "今月は出張続きです"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("id=\"declineReason-error\"", "辞退の理由を選んでください", "今月は出張続きです");
        assertThat(GATEWAY.received()).noneMatch(request -> request.method().equals("POST"));
        GATEWAY.answer("POST", CASE_PATH + "/decline", new Answer(204, null, null, java.util.Map.of()));
        as(coordinator()).post().uri("/coordination/cases/" + CASE_ID + "/decline").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("revision", "\"2\"").with("reason", "AWAY").with("note", "今月は出張続きです"))
                .exchange().expectStatus().isSeeOther()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/coordination/cases?done=declined");
        assertThat(GATEWAY.last("POST", CASE_PATH + "/decline").body()).isEqualTo("{\"reason\":\"AWAY\",\"note\":\"今月は出張続きです\"}");
    }

    @Test
    void stagesMoveOnlyForwardAndShowWhenEachWasReached() {
        GATEWAY.answer("GET", CASE_PATH, Answer.json(200, caseJson("ACCEPTED", "FIRST_CONTACT", null, 4, false)));
        String page = as(coordinator()).get().uri("/coordination/cases/" + CASE_ID).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        String form = page.substring(page.indexOf("action=\"/coordination/cases/c-1/stage\""));
        form = form.substring(0, form.indexOf("</form>"));
        assertThat(form).contains("value=\"INTRODUCTION_MADE\"", "value=\"NEGOTIATING\"").doesNotContain("value=\"FIRST_CONTACT\"");
        assertThat(page).contains("初回連絡済み</span>:", "2026-12-02 12:00", "まだ");
        GATEWAY.answer("POST", CASE_PATH + "/stage", Answer.json(200, caseJson("ACCEPTED", "NEGOTIATING", null, 5, false)));
        as(coordinator()).post().uri("/coordination/cases/" + CASE_ID + "/stage").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("revision", "\"4\"").with("stage", "NEGOTIATING"))
                .exchange().expectStatus().isSeeOther()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/coordination/cases/" + CASE_ID + "?done=stage");
        var sent = GATEWAY.last("POST", CASE_PATH + "/stage");
        assertThat(sent.body()).isEqualTo("{\"stage\":\"NEGOTIATING\"}");
        assertThat(sent.header("If-Match")).isEqualTo("\"4\"");
    }

    @Test
    void aCaseChangedMeanwhileIsShownAsItIsNowWithTheInputKeptAndAConflictSaysWhy() {
        // the page was read at revision 4; the case is at 6 now
        GATEWAY.answer("GET", CASE_PATH, Answer.json(200, caseJson("ACCEPTED", "INTRODUCTION_MADE", null, 6, false)));
        GATEWAY.answer("POST", CASE_PATH + "/closure", Answer.problem(412, "Precondition Failed", "changed"));
        String page = as(coordinator()).post().uri("/coordination/cases/" + CASE_ID + "/closure").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("revision", "\"4\"").with("outcome", "NO_ANSWER").with("reason", "三度電話しても応答なし"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("role=\"alert\"", "ほかの方がこの案件を操作しました", "三度電話しても応答なし",
                "value=\"&quot;6&quot;\"", "<option value=\"NO_ANSWER\" selected=\"selected\"");
        GATEWAY.answer("POST", CASE_PATH + "/stage", Answer.conflict("stage-not-forward", "not forward"));
        page = as(coordinator()).post().uri("/coordination/cases/" + CASE_ID + "/stage").cookie("PORTAL_LANG", "en")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("revision", "\"6\"").with("stage", "NEGOTIATING"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("Stages only move forward");
        GATEWAY.answer("POST", CASE_PATH + "/notes", Answer.conflict("", "changed meanwhile"));
        page = as(coordinator()).post().uri("/coordination/cases/" + CASE_ID + "/notes").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("revision", "\"6\"").with("text", "先方の決裁待ち"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("ほかの方がこの案件を操作しました", "先方の決裁待ち");
    }

    @Test
    void closingNeedsAnOutcomeAndAReasonAndTheClosedCaseShowsItsOutcome() {
        GATEWAY.answer("GET", CASE_PATH, Answer.json(200, caseJson("ACCEPTED", "NEGOTIATING", null, 7, false)));
        String page = as(coordinator()).post().uri("/coordination/cases/" + CASE_ID + "/closure").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("revision", "\"7\"").with("outcome", "AGREEMENT_REACHED").with("reason", "  "))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("id=\"reason-error\"", "入力してください");
        assertThat(GATEWAY.received()).noneMatch(request -> request.method().equals("POST"));
        GATEWAY.answer("POST", CASE_PATH + "/closure", Answer.fieldProblem("reason", "must not contain control characters"));
        page = as(coordinator()).post().uri("/coordination/cases/" + CASE_ID + "/closure").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("revision", "\"7\"").with("outcome", "AGREEMENT_REACHED").with("reason", "契約"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("id=\"reason-error\"", "must not contain control characters");
        GATEWAY.answer("POST", CASE_PATH + "/closure", Answer.json(200, "{}"));
        as(coordinator()).post().uri("/coordination/cases/" + CASE_ID + "/closure").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("revision", "\"7\"").with("outcome", "AGREEMENT_REACHED").with("reason", "共同開発契約を締結"))
                .exchange().expectStatus().isSeeOther()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/coordination/cases/" + CASE_ID + "?done=closed");
        assertThat(GATEWAY.last("POST", CASE_PATH + "/closure").body())
                .isEqualTo("{\"outcome\":\"AGREEMENT_REACHED\",\"reason\":\"共同開発契約を締結\"}");

        GATEWAY.answer("GET", CASE_PATH, Answer.json(200, caseJson("CLOSED", "NEGOTIATING", closing(), 8, false)));
        page = as(coordinator()).get().uri("/coordination/cases/" + CASE_ID).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("終了：合意に至った", "共同開発契約を締結", "両者に電話しました。")
                .doesNotContain("案件を終了する", "段階を記録する", "メモを追加する");
    }

    @Test
    void notesAreLoggedWithTheirTimeAndAddedThroughTheForm() {
        GATEWAY.answer("GET", CASE_PATH, Answer.json(200, caseJson("ACCEPTED", "FIRST_CONTACT", null, 4, false)));
        String page = as(coordinator()).get().uri("/coordination/cases/" + CASE_ID).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("両者に電話しました。", "2026-12-02 11:00", "あなた");
        GATEWAY.answer("POST", CASE_PATH + "/notes", Answer.json(201, "{}"));
        as(coordinator()).post().uri("/coordination/cases/" + CASE_ID + "/notes").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("revision", "\"4\"").with("text", "来週に面談を設定\n場所は川崎"))
                .exchange().expectStatus().isSeeOther()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/coordination/cases/" + CASE_ID + "?done=noted");
        assertThat(GATEWAY.last("POST", CASE_PATH + "/notes").body()).isEqualTo("{\"text\":\"来週に面談を設定\\n場所は川崎\"}");
    }

    @Test
    void aRegionalBodyReassignsToACoordinatorOfItsBureauOrBackToTheQueue() {
        GATEWAY.answer("GET", CASE_PATH, Answer.json(200, caseJson("ASSIGNED", null, null, 2, true)));
        GATEWAY.answer("GET", "/api/coordination/coordinators", Answer.json(200,
                list(rosterEntry(KANTO_COORDINATOR_ID, "調整 次郎", true), rosterEntry(OTHER_COORDINATOR_ID, "連携 三郎", true))));
        String page = as(regionalBody("kanto")).get().uri("/coordination/cases/" + CASE_ID).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("担当を変更する", "局の待ち行列に戻す", "調整 次郎（現在の担当）", "連携 三郎", "案件を終了する")
                .doesNotContain("案件を受諾する");
        // only its own bureau's roster is asked for (the case's other bureau is kinki)
        assertThat(GATEWAY.received().stream().filter(request -> request.path().equals("/api/coordination/coordinators"))
                .map(request -> request.query()).toList()).containsExactly("bureau=kanto");
        GATEWAY.answer("POST", CASE_PATH + "/reassignment", Answer.json(200, "{}"));
        as(regionalBody("kanto")).post().uri("/coordination/cases/" + CASE_ID + "/reassignment").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("revision", "\"2\"").with("to", OTHER_COORDINATOR_ID).with("note", "専門が近い"))
                .exchange().expectStatus().isSeeOther()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/coordination/cases/" + CASE_ID + "?done=reassigned");
        assertThat(GATEWAY.last("POST", CASE_PATH + "/reassignment").body()).isEqualTo(
                "{\"to\":\"COORDINATOR\",\"coordinatorId\":\"" + OTHER_COORDINATOR_ID + "\",\"note\":\"専門が近い\"}");
        as(regionalBody("kanto")).post().uri("/coordination/cases/" + CASE_ID + "/reassignment").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("revision", "\"2\"").with("to", "QUEUE"))
                .exchange().expectStatus().isSeeOther();
        assertThat(GATEWAY.last("POST", CASE_PATH + "/reassignment").body()).isEqualTo("{\"to\":\"QUEUE\"}");
        GATEWAY.answer("POST", CASE_PATH + "/reassignment", Answer.conflict("coordinator-not-eligible", "no"));
        page = as(regionalBody("kanto")).post().uri("/coordination/cases/" + CASE_ID + "/reassignment").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("revision", "\"2\"").with("to", OTHER_COORDINATOR_ID))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("このコーディネーターには割り当てられません");
    }

    @Test
    void membersReadTheirCaseWithoutActionsOrInternals() {
        String forMembers = caseJson("ACCEPTED", "FIRST_CONTACT", null, 4, false)
                .replaceAll("\"reason\":\\{[^}]*\\}", "\"reason\":null").replace("\"code\":\"expertise\"", "\"code\":null")
                .replaceAll("\"notes\":\\[[^]]*\\]", "\"notes\":null").replace("\"declinations\":[]", "\"declinations\":null");
        GATEWAY.answer("GET", CASE_PATH, Answer.json(200, forMembers));
        String page = as(owner("3f0c")).get().uri("/coordination/cases/" + CASE_ID).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("調整 次郎", "初回連絡済み", "href=\"/matching/matches/m-i-7\"")
                .doesNotContain("<form method=\"post\" action=\"/coordination/cases/", "選ばれた理由", "メモ</h2>");
    }

    @Test
    void theNavigationOffersEachRoleItsPages() {
        GATEWAY.answer("GET", "/api/coordination/cases", Answer.json(200, list()));
        GATEWAY.answer("GET", "/api/coordination/cases/workload", Answer.json(200, "{\"open\":0,\"capacity\":5,\"overdue\":0,\"byStage\":{}}"));
        assertThat(as(coordinator()).get().uri("/coordination/cases").exchange().expectBody(String.class).returnResult().getResponseBody())
                .contains("href=\"/coordination/cases\"").doesNotContain("href=\"/regional/coordination\"", "href=\"/admin/coordinators\"");
        String english = as(administrator()).get().uri("/").cookie("PORTAL_LANG", "en").exchange()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(english).contains("href=\"/regional/coordination\"", "Coordination of the bureau", "href=\"/admin/coordinators\"",
                "Coordinators").doesNotContain("href=\"/coordination/cases\"");
        assertThat(as(regionalBody("kanto")).get().uri("/").exchange().expectBody(String.class).returnResult().getResponseBody())
                .contains("局のコーディネート状況").doesNotContain("href=\"/admin/coordinators\"");
    }

    private static String closing() {
        return "{\"outcome\":\"AGREEMENT_REACHED\",\"reason\":\"共同開発契約を締結\",\"closedAt\":\"2026-12-10T00:00:00Z\",\"closedBy\":\"coord-1\"}";
    }
}
