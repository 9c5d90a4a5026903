package jp.iinj.portal.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import jp.iinj.portal.support.PortalTestSupport;
import jp.iinj.portal.support.StubGateway.Answer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/** The profile edit: If-Match, the whole profile sent, and a concurrent edit shown as a conflict the person resolves. */
class ProfilePagesIT extends PortalTestSupport {

    private static final String ORGANISATION = "{\"id\":\"3f0c\",\"legalName\":\"株式会社テスト精機\",\"organisationType\":\"SME\","
            + "\"prefectureCode\":\"13\",\"bureau\":\"kanto\",\"status\":\"ACTIVE\",\"address\":\"東京都千代田区\","
            + "\"jsicCodes\":[{\"revision\":\"14\",\"code\":\"E\"},{\"revision\":\"14\",\"code\":\"2611\"}],"
            + "\"keywords\":[\"精密加工\"],\"contacts\":[{\"name\":\"山田 太郎\",\"email\":\"yamada@example.jp\"}]}";

    @BeforeEach
    void organisation() {
        GATEWAY.answer("GET", "/api/members/clusters", Answer.json(200, "{\"clusters\":[]}"));
        GATEWAY.answer("GET", "/api/members/organisations/3f0c", Answer.json(200, ORGANISATION).withHeader("ETag", "\"7\""));
    }

    @Test
    void theFormCarriesTheETagAndEveryFieldOfTheProfile() {
        String page = as(owner("3f0c")).get().uri("/organisations/3f0c/profile").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("name=\"etag\" value=\"&quot;7&quot;\"", "value=\"株式会社テスト精機\"", "name=\"jsicOther\" value=\"14:2611\"",
                "精密加工", "value=\"山田 太郎\"");
    }

    @Test
    void savingSendsIfMatchAndTheWholeProfile() {
        GATEWAY.answer("PUT", "/api/members/organisations/3f0c/profile", Answer.json(200, ORGANISATION));
        as(owner("3f0c")).post().uri("/organisations/3f0c/profile").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(edited("\"7\""))).exchange()
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/organisations/3f0c/profile?saved=true");
        var sent = GATEWAY.last("PUT", "/api/members/organisations/3f0c/profile");
        assertThat(sent.header("If-Match")).isEqualTo("\"7\"");
        assertThat(sent.body()).contains("\"legalName\":\"株式会社テスト精機\"", "\"address\":\"東京都港区\"",
                "{\"revision\":\"14\",\"code\":\"E\"}", "{\"revision\":\"14\",\"code\":\"2611\"}", "\"keywords\":[\"精密加工\",\"金型\"]",
                "\"contacts\":[{\"name\":\"山田 太郎\",\"email\":\"yamada@example.jp\"}]");
    }

    @Test
    void aConcurrentEditIsAConflictThePersonResolvesWithTheirInputKept() {
        GATEWAY.answer("PUT", "/api/members/organisations/3f0c/profile", Answer.problem(412, "Precondition failed", "stale"));
        GATEWAY.answer("GET", "/api/members/organisations/3f0c", Answer.json(200,
                ORGANISATION.replace("東京都千代田区", "東京都中央区")).withHeader("ETag", "\"8\""));
        String page = as(owner("3f0c")).post().uri("/organisations/3f0c/profile").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(edited("\"7\""))).exchange()
                .expectStatus().isEqualTo(409).expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("ほかの方が先に変更しました", "<th scope=\"row\">住所</th>", "東京都港区", "東京都中央区",
                "name=\"etag\" value=\"&quot;8&quot;\"", "value=\"東京都港区\"", "自分の入力で上書きして保存する")
                .doesNotContain("412");
    }

    @Test
    void theRegistrysFieldErrorsAreListed() {
        GATEWAY.answer("PUT", "/api/members/organisations/3f0c/profile", Answer.fieldProblem("website", "must be an http(s) address"));
        String page = as(owner("3f0c")).post().uri("/organisations/3f0c/profile").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(edited("\"7\""))).exchange()
                .expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("ウェブサイト: must be an http(s) address");
    }

    private static MultiValueMap<String, String> edited(String etag) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("etag", etag);
        form.add("legalName", "株式会社テスト精機");
        form.add("organisationType", "SME");
        form.add("prefectureCode", "13");
        form.add("address", "東京都港区");
        form.add("jsicCodes", "E");
        form.add("jsicOther", "14:2611");
        form.add("keywords", "精密加工\n金型");
        form.add("contactName", "山田 太郎");
        form.add("contactEmail", "yamada@example.jp");
        form.add("contactName", "");
        form.add("contactEmail", "");
        return form;
    }
}
