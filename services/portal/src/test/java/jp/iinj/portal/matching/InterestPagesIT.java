package jp.iinj.portal.matching;

import static jp.iinj.portal.matching.MatchingFixtures.ACCEPTED;
import static jp.iinj.portal.matching.MatchingFixtures.DECLINED_SENT;
import static jp.iinj.portal.matching.MatchingFixtures.MEMBER;
import static jp.iinj.portal.matching.MatchingFixtures.OPEN_RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;

import jp.iinj.portal.support.PortalTestSupport;
import jp.iinj.portal.support.StubGateway.Answer;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

/** Interests received and sent, accepting and declining, and the agreed match with both sides disclosed. */
class InterestPagesIT extends PortalTestSupport {

    @Test
    void receivedInterestsAreAnonymousAndOpenOnesCanBeAnswered() {
        GATEWAY.answer("GET", "/api/matching/members/3f0c/interests", Answer.json(200, "{\"items\":[" + OPEN_RECEIVED + "]}"));
        String page = as(owner(MEMBER)).get().uri("/matching/interests/received").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(GATEWAY.last("GET", "/api/matching/members/3f0c/interests").query()).isEqualTo("direction=RECEIVED");
        assertThat(page).contains("<h1>受け取った関心表明</h1>", "回答待ち", "金属加工の外注先を探しています", "匿名の組織", "大学",
                "従業員数 非公開", "近畿経済産業局", "共同研究に関心があります", "2026-12-22",
                "action=\"/matching/interests/i-1/accept\"", ">受け入れる</button>",
                "action=\"/matching/interests/i-1/decline\"", "<label for=\"reason-0\">見送る理由</label>",
                "<option value=\"ALREADY_PARTNERED\">すでに連携先が決まっている</option>", "<label for=\"note-0\">");
    }

    @Test
    void acceptingGoesToTheMatch() {
        GATEWAY.answer("POST", "/api/matching/interests/i-1/acceptance", Answer.json(200, ACCEPTED));
        as(owner(MEMBER)).post().uri("/matching/interests/i-1/accept").exchange()
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/matching/interests/i-1?done=accepted");
        assertThat(GATEWAY.last("POST", "/api/matching/interests/i-1/acceptance").body()).isEmpty();

        GATEWAY.answer("POST", "/api/matching/interests/i-1/acceptance", Answer.conflict("interest-not-open", "answered meanwhile (DECLINED)"));
        as(owner(MEMBER)).post().uri("/matching/interests/i-1/accept").exchange()
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/matching/interests/received?refused=answered");

        GATEWAY.answer("POST", "/api/matching/interests/i-1/acceptance", Answer.conflict("member-not-active", "not active"));
        as(owner(MEMBER)).post().uri("/matching/interests/i-1/accept").exchange()
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/matching/interests/received?refused=inactive");
        GATEWAY.answer("GET", "/api/matching/members/3f0c/interests", Answer.json(200, "{\"items\":[]}"));
        String page = as(owner(MEMBER)).get().uri("/matching/interests/received?refused=inactive").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("どちらかの会員資格が有効でないため");
    }

    @Test
    void decliningSendsTheReasonAndTheNote() {
        GATEWAY.answer("POST", "/api/matching/interests/i-1/decline", Answer.json(200, OPEN_RECEIVED));
        as(owner(MEMBER)).post().uri("/matching/interests/i-1/decline").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("reason", "NO_CAPACITY").with("note", " 来春なら ")).exchange()
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/matching/interests/received?done=declined");
        assertThat(GATEWAY.last("POST", "/api/matching/interests/i-1/decline").body()).isEqualTo("{\"reason\":\"NO_CAPACITY\",\"note\":\"来春なら\"}");

        GATEWAY.answer("GET", "/api/matching/members/3f0c/interests", Answer.json(200, "{\"items\":[]}"));
        String page = as(owner(MEMBER)).get().uri("/matching/interests/received?done=declined").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("role=\"status\"", "関心表明を見送りました。");

        int before = GATEWAY.received().size();
        as(owner(MEMBER)).post().uri("/matching/interests/i-1/decline").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("reason", "")).exchange()
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/matching/interests/received?refused=reason");
        assertThat(GATEWAY.received()).hasSize(before);
    }

    @Test
    void sentInterestsShowADeclineReasonInWordsAndAnAcceptedOnesName() {
        GATEWAY.answer("GET", "/api/matching/members/3f0c/interests", Answer.json(200, "{\"items\":[" + DECLINED_SENT + "," + ACCEPTED + "]}"));
        String page = as(owner(MEMBER)).get().uri("/matching/interests/sent?done=expressed").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(GATEWAY.last("GET", "/api/matching/members/3f0c/interests").query()).isEqualTo("direction=SENT");
        assertThat(page).contains("<h1>送った関心表明</h1>", "role=\"status\"", "関心を伝えました。", "見送り", "すでに連携先が決まっている",
                "来年また", "受け入れ（マッチング成立）", "株式会社関東金属", "href=\"https://kanto-metal.example.jp\"",
                "href=\"/matching/interests/i-7\"", "成立したマッチングを見る")
                .doesNotContain("action=\"/matching/interests/i-3/accept\"");
        // the declined one stays anonymous
        int declined = page.indexOf("すでに連携先が決まっている");
        assertThat(page.substring(0, declined)).contains("匿名の組織").doesNotContain("株式会社関東金属");
    }

    @Test
    void theAgreedMatchDisclosesTheOtherSideAndSaysACoordinatorFollowsUp() {
        GATEWAY.answer("GET", "/api/matching/interests/i-7", Answer.json(200, ACCEPTED));
        as(owner(MEMBER)).get().uri("/matching/matches/m-i-7").exchange()
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/matching/interests/i-7");
        String page = as(owner(MEMBER)).get().uri("/matching/interests/i-7").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<h1>成立したマッチング</h1>", "担当のコーディネーターが双方に連絡し", "株式会社関東金属", "Kanto Metal Co.",
                "href=\"https://kanto-metal.example.jp\"", "東京都", "href=\"/matching/profiles/p-9\"", "金属加工の外注先を探しています");
        as(owner(MEMBER)).get().uri("/matching/matches/nonsense").exchange().expectStatus().isNotFound();
    }

    @Test
    void anOpenInterestsPageNeverNamesTheOtherSide() {
        GATEWAY.answer("GET", "/api/matching/interests/i-1", Answer.json(200, OPEN_RECEIVED));
        String page = as(owner(MEMBER)).get().uri("/matching/interests/i-1").cookie("PORTAL_LANG", "en").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<h1>Expression of interest</h1>", "An anonymous organisation", "University", "employees: not stated",
                "The organisation&#39;s name is shown only once your interest is accepted.")
                .doesNotContain("A coordinator will contact");
    }

    @Test
    void theAgreedMatchShowsWhereItsCoordinationCaseStands() {
        GATEWAY.answer("GET", "/api/matching/interests/i-7", Answer.json(200, ACCEPTED));
        GATEWAY.answer("GET", "/api/coordination/cases", Answer.json(200, "{\"items\":["
                + caseOf("c-other", "m-other") + "," + caseOf("c-1", "m-i-7") + "]}"));
        String page = as(owner(MEMBER)).get().uri("/matching/interests/i-7").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<h2 id=\"coordination-heading\">コーディネート</h2>", "終了：合意に至った", "調整 次郎",
                "href=\"/coordination/cases/c-1\"").doesNotContain("/coordination/cases/c-other");
        assertThat(GATEWAY.last("GET", "/api/coordination/cases").query()).isEqualTo("view=mine");
        GATEWAY.answer("GET", "/api/coordination/cases", Answer.json(200, "{\"items\":[]}"));
        page = as(owner(MEMBER)).get().uri("/matching/interests/i-7").cookie("PORTAL_LANG", "en").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("No coordination case yet");
        // coordination not answering: the match page still shows, and says nothing of a case
        GATEWAY.answer("GET", "/api/coordination/cases", Answer.problem(503, "Service Unavailable", "down"));
        page = as(owner(MEMBER)).get().uri("/matching/interests/i-7").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("株式会社関東金属").doesNotContain("coordination-heading");
    }

    /** A closed case as the members of its match see it: no reasons in words, no notes. */
    private static String caseOf(String caseId, String matchId) {
        return ("{\"id\":\"%s\",\"matchId\":\"%s\",\"status\":\"CLOSED\",\"stage\":\"NEGOTIATING\",\"bureaus\":[\"kanto\"],"
                + "\"assignment\":{\"coordinatorId\":\"k-1\",\"coordinatorName\":\"調整 次郎\",\"bureau\":\"kanto\"},"
                + "\"closing\":{\"outcome\":\"AGREEMENT_REACHED\",\"closedAt\":\"2026-12-10T00:00:00Z\"},\"revision\":9}")
                .formatted(caseId, matchId);
    }
}
