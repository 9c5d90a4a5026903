package jp.iinj.portal.matching;

import static jp.iinj.portal.matching.MatchingFixtures.DRAFT;
import static jp.iinj.portal.matching.MatchingFixtures.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

import jp.iinj.portal.support.PortalTestSupport;
import jp.iinj.portal.support.StubGateway.Answer;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/** The draft form: new (member, coordinator for a member) and edit with If-Match; the API's field errors by their fields. */
class ProfileDraftPagesIT extends PortalTestSupport {

    @Test
    void theFormOffersTheVocabulariesAndSaysWhatTheLimitsAre() {
        String page = as(owner(MEMBER)).get().uri("/matching/profiles/new").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<h1>プロフィールを作成する</h1>", "type=\"radio\" name=\"type\"", "value=\"RD_PARTNER_REQUEST\"",
                "id=\"title.ja\" name=\"title.ja\"", "id=\"summary.en\" name=\"summary.en\"", "各言語 500 文字以内",
                "name=\"technologyFields\"", "name=\"jsicCodes\" value=\"E\"", "name=\"partnershipTypes\" value=\"LICENSING\"",
                "name=\"partnerTypesSought\" value=\"UNIVERSITY\"", "name=\"targetRegions\" value=\"nationwide\"",
                "name=\"targetRegions\" value=\"international\"", "関東経済産業局", "全国", "海外",
                "id=\"fundingDeadline\" name=\"fundingDeadline\" type=\"date\"", "<legend>プロフィールの種類</legend>",
                "<label for=\"keywords\">キーワード</label>", "name=\"_csrf\"");
    }

    @Test
    void aNewDraftIsPostedAsTheApiTakesItAndThePersonSeesItCreated() {
        GATEWAY.answer("POST", "/api/matching/profiles", Answer.json(201, DRAFT).withHeader("ETag", "\"0\""));
        as(owner(MEMBER)).post().uri("/matching/profiles/new").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(draft())).exchange()
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/matching/profiles/p-1?done=created");
        String sent = GATEWAY.last("POST", "/api/matching/profiles").body();
        assertThat(sent).startsWith("{\"memberId\":\"3f0c\",\"type\":\"TECHNOLOGY_OFFER\",\"content\":{")
                .contains("\"title\":{\"ja\":\"精密切削の受託\",\"en\":\"Precision machining\"}", "\"summary\":{\"ja\":\"金属部品の精密切削\"}",
                        "\"keywords\":[\"精密切削\",\"金型\",\"試作\"]", "\"technologyFields\":[\"materials\"]", "\"jsicCodes\":[\"E\"]",
                        "\"stage\":\"ON_THE_MARKET\"", "\"partnershipTypes\":[\"LICENSING\"]", "\"targetRegions\":[\"kanto\",\"nationwide\"]")
                // blanks are left out, not sent empty
                .doesNotContain("\"description\"", "\"fundingProgramme\"", "\"ipStatus\"", "\"en\":\"\"");
    }

    @Test
    void theApisFieldErrorsAppearNextToTheirFields() {
        GATEWAY.answer("POST", "/api/matching/profiles", new Answer(400, "application/problem+json", """
                {"type":"https://iinj.jp/problems/invalid-request","title":"Invalid request","status":400,"detail":"Some fields are invalid.",
                 "errors":[{"field":"content.summary.ja","message":"at most 500 characters"},{"field":"title","message":"a title in Japanese or English is required"},
                           {"field":"content.keywords[3]","message":"at most 60 characters"}]}""", java.util.Map.of()));
        String page = as(owner(MEMBER)).post().uri("/matching/profiles/new").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(draft())).exchange()
                .expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("role=\"alert\"", "入力の内容を確かめてください。",
                "aria-invalid=\"true\" aria-describedby=\"summary-hint summary.ja-error\"",
                "id=\"summary.ja-error\" class=\"field-error\">この項目を確かめてください（at most 500 characters）。",
                "id=\"title-error\" class=\"field-error\">タイトルを日本語か英語で入力してください。",
                "id=\"keywords-error\"", "href=\"#summary.ja\"",
                // the input is kept
                "金属部品の精密切削</textarea>", "value=\"精密切削, 金型、試作\"");
    }

    @Test
    void aKindIsNeededAndADeadlineMustBeADateBeforeAnythingIsSent() {
        MultiValueMap<String, String> form = draft();
        form.remove("type");
        form.set("fundingDeadline", "来年3月");
        String page = as(owner(MEMBER)).post().uri("/matching/profiles/new").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form)).exchange()
                .expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("プロフィールの種類を選んでください。", "日付を「2026-03-31」の形で入力してください。",
                "aria-describedby=\"type-error\"");
        assertThat(GATEWAY.received()).isEmpty();
    }

    @Test
    void anOrganisationThatMayNotPublishThisKindIsToldSo() {
        GATEWAY.answer("POST", "/api/matching/profiles", Answer.problem(403, "Forbidden", "LARGE_ENTERPRISE may not publish TECHNOLOGY_OFFER"));
        String page = as(owner(MEMBER)).post().uri("/matching/profiles/new").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(draft())).exchange()
                .expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("この組織ではこの種類のプロフィールを作成できないか").doesNotContain("LARGE_ENTERPRISE may not");
    }

    @Test
    void editingADraftSendsIfMatchAndTheWholeContent() {
        GATEWAY.answer("GET", "/api/matching/profiles/p-1", Answer.json(200, DRAFT).withHeader("ETag", "\"3\""));
        String form = as(owner(MEMBER)).get().uri("/matching/profiles/p-1/edit").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(form).contains("<h1>下書きを編集する</h1>", "name=\"etag\" value=\"&quot;3&quot;\"", "value=\"精密切削の受託\"",
                "value=\"精密切削, 金型\"", "name=\"jsicCodes\" value=\"E\" checked=\"checked\"", "action=\"/matching/profiles/p-1/edit\"");

        GATEWAY.answer("PUT", "/api/matching/profiles/p-1/content", Answer.json(200, DRAFT).withHeader("ETag", "\"4\""));
        MultiValueMap<String, String> edited = draft();
        edited.add("etag", "\"3\"");
        as(owner(MEMBER)).post().uri("/matching/profiles/p-1/edit").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(edited)).exchange()
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/matching/profiles/p-1?done=saved");
        var sent = GATEWAY.last("PUT", "/api/matching/profiles/p-1/content");
        assertThat(sent.header("If-Match")).isEqualTo("\"3\"");
        assertThat(sent.body()).startsWith("{\"title\":{\"ja\":\"精密切削の受託\"").doesNotContain("memberId", "\"type\"");
    }

    @Test
    void aDraftChangedMeanwhileIsShownToReloadWithTheInputKept() {
        GATEWAY.answer("PUT", "/api/matching/profiles/p-1/content", Answer.problem(412, "Precondition Failed", "revision 4, not 3"));
        MultiValueMap<String, String> edited = draft();
        edited.add("etag", "\"3\"");
        String page = as(owner(MEMBER)).post().uri("/matching/profiles/p-1/edit").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(edited)).exchange()
                .expectStatus().isEqualTo(409).expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("ほかの方が先にこの下書きを変更しました", "href=\"/matching/profiles/p-1/edit\"", "最新の下書きを読み込み直す",
                "金属部品の精密切削</textarea>").doesNotContain("412", "revision 4");
    }

    @Test
    void aCoordinatorDraftsForAMemberOfTheirBureaus() {
        GATEWAY.answer("GET", "/api/members/organisations", Answer.json(200, """
                {"items":[{"id":"3f0c","legalName":"株式会社テスト精機","bureau":"kanto","status":"ACTIVE"},
                          {"id":"4d4d","legalName":"有限会社サンプル","bureau":"kanto","status":"ACTIVE"}],"nextCursor":null}"""));
        String page = as(MatchingFixtures.coordinator("kanto")).get().uri("/matching/coordinator/profiles/new").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<h1>会員組織の代わりにプロフィールを作成する</h1>", "<label for=\"memberId\">会員組織</label>",
                "<option value=\"3f0c\">株式会社テスト精機 (関東経済産業局)</option>", "「コーディネーターが作成」");
        assertThat(GATEWAY.last("GET", "/api/members/organisations").query())
                .isEqualTo("bureau=kanto&status=ACTIVE&sort=legalName&limit=100");

        GATEWAY.answer("POST", "/api/matching/profiles", Answer.json(201, DRAFT));
        MultiValueMap<String, String> form = draft();
        form.add("memberId", "4d4d");
        as(MatchingFixtures.coordinator("kanto")).post().uri("/matching/coordinator/profiles/new")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(form)).exchange()
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/matching/profiles/p-1?done=created");
        assertThat(GATEWAY.last("POST", "/api/matching/profiles").body()).startsWith("{\"memberId\":\"4d4d\",\"type\":\"TECHNOLOGY_OFFER\"");
    }

    @Test
    void aCoordinatorMustChooseAMemberAndOnlyCoordinatorsHaveThePage() {
        GATEWAY.answer("GET", "/api/members/organisations", Answer.json(200, "{\"items\":[],\"nextCursor\":null}"));
        String page = as(MatchingFixtures.coordinator("kanto")).post().uri("/matching/coordinator/profiles/new")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(draft())).exchange()
                .expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("id=\"memberId-error\"", "プロフィールを作成する会員組織を選んでください。",
                "aria-describedby=\"memberId-hint memberId-error\"");
        as(owner(MEMBER)).get().uri("/matching/coordinator/profiles/new").exchange().expectStatus().isNotFound();
    }

    private static MultiValueMap<String, String> draft() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("type", "TECHNOLOGY_OFFER");
        form.add("title.ja", "精密切削の受託");
        form.add("title.en", "Precision machining");
        form.add("summary.ja", "金属部品の精密切削");
        form.add("summary.en", "  ");
        form.add("description.ja", "");
        form.add("keywords", "精密切削, 金型、試作");
        form.add("technologyFields", "materials");
        form.add("jsicCodes", "E");
        form.add("stage", "ON_THE_MARKET");
        form.add("ipStatus", "");
        form.add("partnershipTypes", "LICENSING");
        form.add("targetRegions", "kanto");
        form.add("targetRegions", "nationwide");
        form.add("fundingProgramme", "");
        form.add("fundingDeadline", "");
        return form;
    }
}
