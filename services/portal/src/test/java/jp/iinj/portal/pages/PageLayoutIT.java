package jp.iinj.portal.pages;

import static org.assertj.core.api.Assertions.assertThat;

import jp.iinj.portal.support.PortalTestSupport;
import jp.iinj.portal.support.StubGateway.Answer;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

/** What every page has: language, navigation by role, safe headers, and failures told in words. */
class PageLayoutIT extends PortalTestSupport {

    @Test
    void theLandingPageIsJapaneseByDefaultAndSpeaksToTheThreeKindsOfUsers() {
        String page = web.get().uri("/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("lang=\"ja\"", "会員組織の方へ", "コーディネーターの方へ", "地域の機関の方へ",
                "href=\"/register\"", "href=\"/sign-in/iinj\"");
    }

    @Test
    void aPageIsHtmlEvenForAClientThatAsksForJson() {
        web.get().uri("/").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    @Test
    void englishIsChosenWithTheSwitchAndRemembered() {
        var answer = web.mutateWith(csrf()).post().uri("/language")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("language", "en").with("return", "/register"))
                .exchange()
                .expectStatus().isSeeOther()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/register")
                .expectBody().returnResult();
        String cookie = answer.getResponseHeaders().getFirst(HttpHeaders.SET_COOKIE);
        assertThat(cookie).startsWith("PORTAL_LANG=en").contains("HttpOnly", "SameSite=Lax", "Max-Age=31536000");

        String page = web.get().uri("/").cookie("PORTAL_LANG", "en").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("lang=\"en\"", "For member organisations", "日本語");
    }

    @Test
    void aSignedInPersonsChoiceIsAlsoKeptAtIdentityAndAFailureThereChangesNothingForThem() {
        GATEWAY.answer("PUT", "/api/identity/me/language", new Answer(204, null, null, java.util.Map.of()));
        as(owner("3f0c")).post().uri("/language").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("language", "en").with("return", "/")).exchange()
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/");
        assertThat(GATEWAY.last("PUT", "/api/identity/me/language").body()).isEqualTo("{\"language\":\"en\"}");

        GATEWAY.answer("PUT", "/api/identity/me/language", Answer.problem(503, "Service Unavailable", "identity down"));
        var answer = as(owner("3f0c")).post().uri("/language").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("language", "ja").with("return", "/")).exchange()
                .expectStatus().isSeeOther().expectBody().returnResult();
        assertThat(answer.getResponseHeaders().getFirst(HttpHeaders.SET_COOKIE)).startsWith("PORTAL_LANG=ja");

        GATEWAY.reset();
        web.mutateWith(csrf()).post().uri("/language").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("language", "en")).exchange().expectStatus().isSeeOther();
        assertThat(GATEWAY.received()).as("a visitor's choice stays with the browser").isEmpty();
    }

    @Test
    void theLanguageSwitchGoesBackOnlyToAPageOfThisSite() {
        for (String elsewhere : new String[] {"https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"}) {
            web.mutateWith(csrf()).post().uri("/language")
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(BodyInserters.fromFormData("language", "en").with("return", elsewhere))
                    .exchange()
                    .expectStatus().isSeeOther()
                    .expectHeader().valueEquals(HttpHeaders.LOCATION, "/");
        }
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedWithAPageInWords() {
        String page = web.post().uri("/language")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("language", "en"))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("この操作はできませんでした").doesNotContain("CSRF");
    }

    @Test
    void aPageThatNeedsAPersonSendsTheVisitorToSignIn() {
        web.get().uri("/organisations/3f0c").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/sign-in/iinj");
    }

    @Test
    void aSignedInPersonSeesTheirPagesInTheNavigation() {
        String page = as(regionalBody("kanto")).get().uri("/").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("関東 花子", "href=\"/regional/applications\"", "action=\"/sign-out\"")
                .doesNotContain("href=\"/admin/clusters\"", "href=\"/sign-in/iinj\"");
    }

    @Test
    void pagesForbidScriptsFromElsewhereAndFraming() {
        web.get().uri("/").exchange()
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'")
                        .doesNotContain("unsafe-inline", "unsafe-eval"))
                .expectHeader().valueEquals("Referrer-Policy", "same-origin")
                .expectHeader().exists("X-Correlation-Id");
    }

    @Test
    void aPageNobodyHasIsANotFoundPageInWords() {
        String page = as(owner("3f0c")).get().uri("/no-such-page").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("ページが見つかりません").doesNotContain("Whitelabel", "status", "Exception");
    }

    @Test
    void aFailingPlatformIsAnUnavailablePageWithAReferenceNotAStackTrace() {
        GATEWAY.answer("GET", "/api/members/organisations/3f0c", Answer.problem(503, "Service Unavailable", "member-registry down"));
        String page = as(owner("3f0c")).get().uri("/organisations/3f0c").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("ただいま利用できません", "参照番号").doesNotContain("member-registry down", "problem")
                // the status code (not inside the reference, a UUID)
                .doesNotContainPattern("(?<![0-9a-f-])503(?![0-9a-f-])");
    }

    @Test
    void apiCallsCarryThePageRequestsCorrelationIdAndThePersonsAddress() {
        GATEWAY.answer("GET", "/api/members/organisations/3f0c", Answer.json(200,
                "{\"id\":\"3f0c\",\"legalName\":\"株式会社テスト精機\",\"organisationType\":\"SME\",\"bureau\":\"kanto\",\"status\":\"ACTIVE\"}"));
        as(owner("3f0c")).get().uri("/organisations/3f0c")
                .header("X-Correlation-Id", "page-request-1").header("X-Forwarded-For", "198.51.100.7")
                .exchange().expectStatus().isOk();
        var call = GATEWAY.last("GET", "/api/members/organisations/3f0c");
        assertThat(call.header("X-Correlation-Id")).isEqualTo("page-request-1");
        assertThat(call.header("X-Forwarded-For")).isEqualTo("198.51.100.7");
        assertThat(call.header("Authorization")).startsWith("Bearer ");
    }

    @Test
    void anApiThatNoLongerAcceptsTheTokenSendsThePersonToSignInAgain() {
        GATEWAY.answer("GET", "/api/members/organisations/3f0c", Answer.problem(401, "Unauthorized", "token revoked"));
        as(owner("3f0c")).get().uri("/organisations/3f0c").exchange()
                .expectStatus().isSeeOther()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/sign-in/iinj");
    }
}
