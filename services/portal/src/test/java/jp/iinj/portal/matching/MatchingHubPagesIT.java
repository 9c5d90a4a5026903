package jp.iinj.portal.matching;

import static jp.iinj.portal.matching.MatchingFixtures.DRAFT;
import static jp.iinj.portal.matching.MatchingFixtures.INBOX;
import static jp.iinj.portal.matching.MatchingFixtures.MEMBER;
import static jp.iinj.portal.matching.MatchingFixtures.PUBLISHED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jp.iinj.portal.support.PortalTestSupport;
import jp.iinj.portal.support.StubGateway.Answer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** {@code /matching}: the member's profiles with who acted, the ways on, the inbox; marking it read. */
class MatchingHubPagesIT extends PortalTestSupport {

    @BeforeEach
    void member() {
        GATEWAY.answer("GET", "/api/matching/members/3f0c/profiles", Answer.json(200, "{\"items\":[" + DRAFT + "," + PUBLISHED + "]}"));
        GATEWAY.answer("GET", "/api/matching/members/3f0c/inbox", Answer.json(200, INBOX));
    }

    @Test
    void theHubShowsTheProfilesWhoActedAndTheInbox() {
        String page = as(owner(MEMBER)).get().uri("/matching").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<h1>ビジネスマッチング</h1>", "href=\"/matching/profiles/p-1\"", "精密切削の受託", "下書き（非公開）",
                "技術の提供（シーズ）", "コーディネーターが代わりに作成（2026-11-30）", "画像検査の自動化", "公開中", "2027-10-02",
                "会員組織の方が公開（2026-10-02）",
                "href=\"/matching/profiles/new\"", "href=\"/matching/search\"", "href=\"/matching/proposals\"",
                "href=\"/matching/interests/received\"", "href=\"/matching/interests/sent\"",
                "未読 2 件", "新しいマッチングの提案があります", "href=\"/matching/matches/m-i-7\"",
                "action=\"/matching/inbox/read\"", "すべて既読にする",
                // the navigation offers the hub
                "<a href=\"/matching\">ビジネスマッチング</a>")
                // a link that is not one of the portal's matching pages is not made a link
                .doesNotContain("elsewhere.example", "href=\"/matching/coordinator/profiles/new\"");
        assertThat(count(page, "<h1")).isEqualTo(1);
    }

    @Test
    void markingTheInboxReadPostsToTheApiAndConfirms() {
        GATEWAY.answer("POST", "/api/matching/members/3f0c/inbox/read", new Answer(204, null, null, Map.of()));
        as(owner(MEMBER)).post().uri("/matching/inbox/read").exchange()
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/matching?done=read");
        assertThat(GATEWAY.last("POST", "/api/matching/members/3f0c/inbox/read").header("Authorization")).isEqualTo("Bearer access-token");

        String page = as(owner(MEMBER)).get().uri("/matching?done=read").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("role=\"status\"", "お知らせをすべて既読にしました。");
    }

    @Test
    void inEnglish() {
        String page = as(owner(MEMBER)).get().uri("/matching").cookie("PORTAL_LANG", "en").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("lang=\"en\"", "<h1>Business matching</h1>", "Precision machining", "Draft (private)",
                "Drafted by a coordinator for the member (2026-11-30)", "2 unread", "A new match is proposed", "Mark all as read");
    }

    @Test
    void aCoordinatorWithoutAMemberGetsSearchAndDraftingForAMember() {
        String page = as(MatchingFixtures.coordinator("kanto")).get().uri("/matching").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("href=\"/matching/coordinator/profiles/new\"", "href=\"/matching/search\"",
                "<a href=\"/matching\">ビジネスマッチング</a>").doesNotContain("href=\"/matching/proposals\"");
        assertThat(GATEWAY.received()).isEmpty();
    }

    @Test
    void someoneActingForNoMemberIsToldWhoMatchingIsFor() {
        String page = as(regionalBody("kanto")).get().uri("/matching").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("有効な会員組織の方とコーディネーターが利用できます").doesNotContain("<a href=\"/matching\">");
        as(regionalBody("kanto")).get().uri("/matching/proposals").exchange().expectStatus().isNotFound();
    }

    @Test
    void anonymousPeopleAreSentToSignIn() {
        web.get().uri("/matching").exchange().expectStatus().is3xxRedirection()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/sign-in/iinj");
    }

    static int count(String page, String what) {
        return page.split(java.util.regex.Pattern.quote(what), -1).length - 1;
    }

}
