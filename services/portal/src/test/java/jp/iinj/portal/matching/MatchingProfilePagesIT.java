package jp.iinj.portal.matching;

import static jp.iinj.portal.matching.MatchingFixtures.ANONYMOUS;
import static jp.iinj.portal.matching.MatchingFixtures.DRAFT;
import static jp.iinj.portal.matching.MatchingFixtures.MEMBER;
import static jp.iinj.portal.matching.MatchingFixtures.PUBLISHED;
import static org.assertj.core.api.Assertions.assertThat;

import jp.iinj.portal.support.PortalTestSupport;
import jp.iinj.portal.support.StubGateway.Answer;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

/** {@code /matching/profiles/{id}}: the owner's side with its actions; another member's anonymous view and interest. */
class MatchingProfilePagesIT extends PortalTestSupport {

    @Test
    void theOwnersSideSeesStatusWhoActedAndTheDraftsActions() {
        GATEWAY.answer("GET", "/api/matching/profiles/p-1", Answer.json(200, DRAFT).withHeader("ETag", "\"3\""));
        String page = as(owner(MEMBER)).get().uri("/matching/profiles/p-1?done=created").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<h1>精密切削の受託</h1>", "role=\"status\"", "下書きを作成しました。", "下書き（非公開）",
                "コーディネーターが代わりに作成（2026-11-30）", "href=\"/matching/profiles/p-1/edit\"",
                "action=\"/matching/profiles/p-1/publish\"", "name=\"etag\" value=\"&quot;3&quot;\"", ">公開する</button>",
                "href=\"/matching/profiles/p-1/withdraw\"", "Precision machining", "精密切削, 金型", "E 製造業",
                "市場で販売中", "関東経済産業局、", ">全国</span>")
                .doesNotContain("action=\"/matching/profiles/p-1/renew\"", "action=\"/matching/profiles/p-1/interest\"");
    }

    @Test
    void publishingSendsIfMatchAndWhatIsMissingIsSaidInWords() {
        GATEWAY.answer("GET", "/api/matching/profiles/p-1", Answer.json(200, DRAFT).withHeader("ETag", "\"3\""));
        GATEWAY.answer("POST", "/api/matching/profiles/p-1/publication", new Answer(400, "application/problem+json", """
                {"type":"https://iinj.jp/problems/invalid-request","title":"Invalid request","status":400,
                 "errors":[{"field":"technologyFields","message":"at least one technology field is required to publish"},
                           {"field":"ipStatus","message":"an offer states its development stage and IP status to be published"}]}""",
                java.util.Map.of()));
        String page = as(owner(MEMBER)).post().uri("/matching/profiles/p-1/publish").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("etag", "\"3\"")).exchange()
                .expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
        assertThat(GATEWAY.last("POST", "/api/matching/profiles/p-1/publication").header("If-Match")).isEqualTo("\"3\"");
        assertThat(page).contains("role=\"alert\"", "公開するには、次の項目がまだ足りません", "技術分野を 1 つ以上選んでください。",
                "提供のプロフィールでは、知的財産の状況を選んでください。", "下書きを編集して補う")
                .doesNotContain("at least one technology field");

        GATEWAY.answer("POST", "/api/matching/profiles/p-1/publication", Answer.json(200, DRAFT));
        as(owner(MEMBER)).post().uri("/matching/profiles/p-1/publish").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("etag", "\"3\"")).exchange()
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/matching/profiles/p-1?done=published");
    }

    @Test
    void renewingAndARefusalInWords() {
        GATEWAY.answer("GET", "/api/matching/profiles/p-2", Answer.json(200, PUBLISHED).withHeader("ETag", "\"5\""));
        String page = as(owner(MEMBER)).get().uri("/matching/profiles/p-2").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("action=\"/matching/profiles/p-2/renew\"", "会員組織の方が公開（2026-10-02）")
                .doesNotContain("action=\"/matching/profiles/p-2/publish\"", "href=\"/matching/profiles/p-2/edit\"");

        GATEWAY.answer("POST", "/api/matching/profiles/p-2/renewal", Answer.problem(409, "Conflict", "not published or expired"));
        as(owner(MEMBER)).post().uri("/matching/profiles/p-2/renew").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("etag", "\"5\"")).exchange()
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/matching/profiles/p-2?refused=state");
        assertThat(GATEWAY.last("POST", "/api/matching/profiles/p-2/renewal").header("If-Match")).isEqualTo("\"5\"");
        page = as(owner(MEMBER)).get().uri("/matching/profiles/p-2?refused=state").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("この操作は、プロフィールの今の状態ではできません。");
    }

    @Test
    void withdrawingAsksFirst() {
        GATEWAY.answer("GET", "/api/matching/profiles/p-2", Answer.json(200, PUBLISHED).withHeader("ETag", "\"5\""));
        String page = as(owner(MEMBER)).get().uri("/matching/profiles/p-2/withdraw").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<h1>プロフィールを取り下げる</h1>", "再び公開することはできません", "action=\"/matching/profiles/p-2/withdraw\"",
                ">取り下げる</button>", "href=\"/matching/profiles/p-2\"");
        assertThat(GATEWAY.received()).noneMatch(request -> request.method().equals("POST"));

        GATEWAY.answer("POST", "/api/matching/profiles/p-2/withdrawal", Answer.json(200, PUBLISHED));
        as(owner(MEMBER)).post().uri("/matching/profiles/p-2/withdraw").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("etag", "\"5\"")).exchange()
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/matching/profiles/p-2?done=withdrawn");
        assertThat(GATEWAY.last("POST", "/api/matching/profiles/p-2/withdrawal").header("If-Match")).isEqualTo("\"5\"");
    }

    @Test
    void anotherMembersProfileIsAnonymousWithAnInterestForm() {
        GATEWAY.answer("GET", "/api/matching/profiles/p-9", Answer.json(200, ANONYMOUS));
        String page = as(owner(MEMBER)).get().uri("/matching/profiles/p-9").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<h1>金属加工の外注先を探しています</h1>", "匿名の組織", "中小企業", "20〜49 人", "関東経済産業局",
                "組織名は、あなたの関心表明が受け入れられるまで表示されません。", "action=\"/matching/profiles/p-9/interest\"",
                "<label for=\"message\">", "id=\"message\" name=\"message\"", "先端材料")
                .doesNotContain("action=\"/matching/profiles/p-9/publish\"", "name=\"proposalId\"");
    }

    @Test
    void expressingInterestSendsTheApisBodyAndGoesToTheSentList() {
        GATEWAY.answer("POST", "/api/matching/interests", Answer.json(201, "{\"id\":\"i-5\",\"status\":\"OPEN\"}"));
        as(owner(MEMBER)).post().uri("/matching/profiles/p-9/interest").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("message", " 試作から量産まで対応できます ").with("proposalId", "")).exchange()
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/matching/interests/sent?done=expressed");
        assertThat(GATEWAY.last("POST", "/api/matching/interests").body())
                .isEqualTo("{\"memberId\":\"3f0c\",\"profileId\":\"p-9\",\"message\":\"試作から量産まで対応できます\"}");
    }

    @Test
    void aRefusedInterestIsExplainedAndAnEmptyMessageIsMarkedAtItsField() {
        GATEWAY.answer("GET", "/api/matching/profiles/p-9", Answer.json(200, ANONYMOUS));
        GATEWAY.answer("POST", "/api/matching/interests", Answer.conflict("interest-already-open",
                "member 3f0c has already expressed interest in profile p-9 and awaits the answer"));
        String page = as(owner(MEMBER)).post().uri("/matching/profiles/p-9/interest").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("message", "もう一度")).exchange()
                .expectStatus().isEqualTo(409).expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("role=\"alert\"", "すでに関心を伝えていて、回答を待っています。", "もう一度</textarea>")
                .doesNotContain("awaits the answer");

        GATEWAY.answer("POST", "/api/matching/interests", Answer.conflict("open-interest-cap-reached",
                "Member 3f0c has 10 open expressions of interest, the most this network allows (10): wait for answers first."));
        page = as(owner(MEMBER)).post().uri("/matching/profiles/p-9/interest").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("message", "もう一度")).exchange()
                .expectStatus().isEqualTo(409).expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("回答待ちの関心表明が上限に達しています。");

        GATEWAY.answer("POST", "/api/matching/interests", Answer.conflict("own-profile", "a member cannot express interest in its own profile"));
        page = as(owner(MEMBER)).post().uri("/matching/profiles/p-9/interest").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("message", "もう一度")).exchange()
                .expectStatus().isEqualTo(409).expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("自組織のプロフィールには関心を伝えられません。");

        int sent = GATEWAY.received().size();
        page = as(owner(MEMBER)).post().uri("/matching/profiles/p-9/interest").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("message", "  ")).exchange()
                .expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("aria-invalid=\"true\" aria-describedby=\"message-error\"", "id=\"message-error\"",
                "関心を持った理由を入力してください。");
        assertThat(GATEWAY.received().subList(sent, GATEWAY.received().size()))
                .noneMatch(request -> request.path().equals("/api/matching/interests"));
    }

    @Test
    void aProfileThePersonMayNotSeeIsNotFound() {
        GATEWAY.answer("GET", "/api/matching/profiles/p-404", Answer.problem(404, "Not Found", "no profile p-404"));
        String page = as(owner(MEMBER)).get().uri("/matching/profiles/p-404").exchange().expectStatus().isNotFound()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("ページが見つかりません").doesNotContain("no profile p-404");
    }
}
