package jp.iinj.portal.matching;

import static jp.iinj.portal.matching.MatchingFixtures.ANONYMOUS;
import static jp.iinj.portal.matching.MatchingFixtures.MEMBER;
import static jp.iinj.portal.matching.MatchingFixtures.PROPOSALS;
import static org.assertj.core.api.Assertions.assertThat;

import jp.iinj.portal.support.PortalTestSupport;
import jp.iinj.portal.support.StubGateway.Answer;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

/** {@code /matching/search} (a GET form, cards, the cursor) and {@code /matching/proposals} (score and reasons in words). */
class SearchAndProposalPagesIT extends PortalTestSupport {

    @Test
    void theSearchFormWithoutConditionsAsksNothing() {
        String page = as(owner(MEMBER)).get().uri("/matching/search").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<h1>プロフィールを探す</h1>", "method=\"get\"", "role=\"search\"", "<label for=\"keywords\">",
                "name=\"type\" value=\"TECHNOLOGY_OFFER\"", "<select id=\"technologyField\" name=\"technologyField\">",
                "<select id=\"bureau\" name=\"bureau\">", "<select id=\"targetRegion\" name=\"targetRegion\">",
                "<option value=\"international\">海外</option>").doesNotContain("検索結果");
        assertThat(GATEWAY.received()).isEmpty();
    }

    @Test
    void aSearchSendsTheApisParametersAndShowsAnonymousCardsAndTheNextPage() {
        GATEWAY.answer("GET", "/api/matching/profiles", Answer.json(200, "{\"items\":[" + ANONYMOUS + "],\"next\":\"c+2/x\"}"));
        String page = as(owner(MEMBER)).get()
                .uri("/matching/search?keywords=金属加工&type=TECHNOLOGY_REQUEST&type=RD_PARTNER_REQUEST&technologyField=materials&bureau=kanto&stage=&partnershipType=")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        var sent = GATEWAY.last("GET", "/api/matching/profiles");
        assertThat(java.net.URLDecoder.decode(sent.query(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("keywords=金属加工&type=TECHNOLOGY_REQUEST&type=RD_PARTNER_REQUEST&technologyField=materials&bureau=kanto");
        assertThat(page).contains("<h2 id=\"results-heading\">検索結果</h2>", "href=\"/matching/profiles/p-9\"", "金属加工の外注先を探しています",
                "小ロットの金属加工", "匿名の組織", "中小企業", "20〜49 人", "関東経済産業局", "rel=\"next\"", "cursor=c%2B2%2Fx",
                "value=\"金属加工\"", "<option value=\"kanto\" selected=\"selected\">");
    }

    @Test
    void conditionsTheApiRefusesAreSaidInWords() {
        GATEWAY.answer("GET", "/api/matching/profiles", Answer.fieldProblem("cursor", "not a cursor of this search"));
        String page = as(owner(MEMBER)).get().uri("/matching/search?keywords=x&cursor=forged").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("検索の条件を処理できませんでした。").doesNotContain("not a cursor");
    }

    @Test
    void proposalsShowTheScoreAndEveryReasonGroupedInWords() {
        GATEWAY.answer("GET", "/api/matching/members/3f0c/proposals", Answer.json(200, PROPOSALS));
        String page = as(owner(MEMBER)).get().uri("/matching/proposals").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<h1>マッチングの提案</h1>", "href=\"/matching/profiles/p-9?proposal=p-1~p-9\"",
                "金属加工の外注先を探しています", "href=\"/matching/profiles/p-1\"", "精密切削の受託",
                "適合度 72 点（100 点満点）", "<meter id=\"score-0\" min=\"0\" max=\"100\"", "value=\"72\"",
                "<h4>両方の文章に出てくる言葉</h4>", "<li>金属 — +20.0</li>", "<h4>別の言葉で表された同じ考え</h4>",
                "<li>精密切削 ≈ 金属加工 — +18.4</li>", "<h4>技術分野</h4>", "<h4>地域</h4>", "<h4>開発段階と知的財産</h4>",
                "<h4>組織の種類</h4>", "匿名の組織", "中小企業", "関東経済産業局",
                "action=\"/matching/profiles/p-9/interest\"", "name=\"proposalId\" value=\"p-1~p-9\"", "<label for=\"message-0\">");
    }

    @Test
    void anInterestFromAProposalCarriesItsId() {
        GATEWAY.answer("POST", "/api/matching/interests", Answer.json(201, "{\"id\":\"i-5\"}"));
        as(owner(MEMBER)).post().uri("/matching/profiles/p-9/interest").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("message", "ぜひ").with("proposalId", "p-1~p-9")).exchange()
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/matching/interests/sent?done=expressed");
        assertThat(GATEWAY.last("POST", "/api/matching/interests").body())
                .isEqualTo("{\"memberId\":\"3f0c\",\"profileId\":\"p-9\",\"proposalId\":\"p-1~p-9\",\"message\":\"ぜひ\"}");
    }

    @Test
    void proposalsInEnglish() {
        GATEWAY.answer("GET", "/api/matching/members/3f0c/proposals", Answer.json(200, PROPOSALS));
        String page = as(owner(MEMBER)).get().uri("/matching/proposals").cookie("PORTAL_LANG", "en").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<h1>Proposed matches</h1>", "Looking for metalworking", "Score 72 out of 100",
                "<h4>Words in both texts</h4>", "<h4>The same idea in other words</h4>", "<h4>Kind of organisation</h4>",
                "An anonymous organisation", "Express interest");
    }
}
