package jp.iinj.portal.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

import jp.iinj.portal.support.PortalTestSupport;
import jp.iinj.portal.support.StubGateway.Answer;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/** Online registration: the form, its live checks, the call to member-registry and what the person sees after. */
class RegistrationPagesIT extends PortalTestSupport {

    private static final String CLUSTERS = "{\"clusters\":[{\"id\":\"tama\",\"name\":\"TAMA 協会\",\"englishName\":\"TAMA\","
            + "\"bureau\":\"kanto\",\"active\":true},{\"id\":\"old\",\"name\":\"終了したクラスター\",\"active\":false}]}";

    @Test
    void theFormOffersPickersAndAnIdempotencyKey() {
        GATEWAY.answer("GET", "/api/members/clusters", Answer.json(200, CLUSTERS));
        String page = web.get().uri("/register").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<h1>会員登録</h1>", "<select id=\"organisationType\"", "<option value=\"SME\">中小企業</option>",
                "<option value=\"13\">東京都</option>", "name=\"technologyFields\"", "value=\"tama\"", "TAMA 協会",
                "name=\"jsicCodes\"", "E 製造業", "hx-post=\"/register/check/corporate-number\"", "name=\"idempotencyKey\"")
                .doesNotContain("終了したクラスター");
    }

    @Test
    void theCorporateNumberIsCheckedAsItIsTyped() {
        assertThat(check("/register/check/corporate-number", "corporateNumber", "8123456789012")).contains("チェックデジット");
        assertThat(check("/register/check/corporate-number", "corporateNumber", "7123456789012")).contains("正しい形式");
    }

    @Test
    void choosingAPrefectureShowsItsBureau() {
        assertThat(check("/register/check/prefecture", "prefectureCode", "13")).contains("所管: 関東経済産業局");
        assertThat(check("/register/check/prefecture", "prefectureCode", "40")).contains("九州経済産業局");
    }

    @Test
    void aRegistrationIsSentOnceWithTheFormsKeyAndLeadsToAwaitingApproval() {
        GATEWAY.answer("POST", "/api/members/organisations", Answer.json(201,
                "{\"id\":\"3f0c\",\"bureau\":\"kanto\",\"status\":\"APPLIED\"}"));
        MultiValueMap<String, String> form = validForm();
        web.mutateWith(csrf()).post().uri("/register").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form)).exchange()
                .expectStatus().isSeeOther()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/register/done?bureau=kanto");

        var sent = GATEWAY.last("POST", "/api/members/organisations");
        assertThat(sent.header("Idempotency-Key")).isEqualTo("key-1");
        assertThat(sent.body()).contains("\"legalName\":\"株式会社テスト精機\"", "\"organisationType\":\"SME\"",
                "\"corporateNumber\":\"7123456789012\"", "\"prefectureCode\":\"13\"",
                "\"owner\":{\"displayName\":\"山田 太郎\",\"email\":\"yamada@example.jp\"}",
                "\"jsicCodes\":[{\"revision\":\"14\",\"code\":\"E\"}]", "\"technologyFields\":[")
                .doesNotContain("noCorporateNumberReason", "idempotencyKey");

        String done = web.get().uri("/register/done?bureau=kanto").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(done).contains("承認待ち", "関東経済産業局が登録の内容を確認します", "パスワードを設定するリンク");
    }

    @Test
    void withoutACorporateNumberTheReasonIsRequiredBeforeAnythingIsSent() {
        MultiValueMap<String, String> form = validForm();
        form.set("corporateNumber", "");
        form.set("hasNoCorporateNumber", "true");
        String page = post(form).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("法人番号がない理由を選んでください", "aria-invalid=\"true\"", "value=\"株式会社テスト精機\"");
        assertThat(GATEWAY.received()).noneMatch(request -> request.method().equals("POST"));
    }

    @Test
    void theRegistrysFieldErrorsAppearNextToTheirFieldsInTheChosenLanguage() {
        GATEWAY.answer("POST", "/api/members/organisations", Answer.fieldProblem("owner.email", "not an e-mail address"));
        String page = web.mutateWith(csrf()).post().uri("/register").cookie("PORTAL_LANG", "en")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(validForm())).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("id=\"ownerEmail-error\"", "Please check this field (not an e-mail address).",
                "href=\"#ownerEmail\"", "Please check what you entered.");
    }

    @Test
    void anAlreadyRegisteredNumberAndTheRateLimitAreToldInWords() {
        GATEWAY.answer("POST", "/api/members/organisations", Answer.problem(409, "Conflict", "corporate number registered"));
        assertThat(post(validForm()).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody())
                .contains("この法人番号の組織は、すでに登録されています");
        GATEWAY.answer("POST", "/api/members/organisations", Answer.problem(429, "Too many requests", "wait"));
        assertThat(post(validForm()).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody())
                .contains("1 分ほど待ってから").doesNotContain("429");
    }

    @Test
    void aNumberTypedInFullWidthIsSentAsTheDigitsTheRegistryTakes() {
        GATEWAY.answer("POST", "/api/members/organisations", Answer.json(201,
                "{\"id\":\"3f0c\",\"bureau\":\"kanto\",\"status\":\"APPLIED\"}"));
        MultiValueMap<String, String> form = validForm();
        form.set("corporateNumber", "７１２３-4567 89012");
        post(form).expectStatus().isSeeOther();
        assertThat(GATEWAY.last("POST", "/api/members/organisations").body()).contains("\"corporateNumber\":\"7123456789012\"");
    }

    @Test
    void aKeyUsedForOtherContentGetsTheFormANewKey() {
        GATEWAY.answer("POST", "/api/members/organisations", Answer.problem(422, "Idempotency-Key reused", "other body"));
        assertThat(post(validForm()).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody())
                .contains("内容を確かめて、もう一度送信してください", "name=\"idempotencyKey\"").doesNotContain("value=\"key-1\"");
    }

    private String check(String path, String field, String value) {
        return web.mutateWith(csrf()).post().uri(path).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(field, value)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(MultiValueMap<String, String> form) {
        return web.mutateWith(csrf()).post().uri("/register").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form)).exchange();
    }

    private static MultiValueMap<String, String> validForm() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("legalName", "株式会社テスト精機");
        form.add("organisationType", "SME");
        form.add("corporateNumber", "7123456789012");
        form.add("prefectureCode", "13");
        form.add("jsicCodes", "E");
        form.add("technologyFields", "advanced-manufacturing");
        form.add("ownerDisplayName", "山田 太郎");
        form.add("ownerEmail", "yamada@example.jp");
        form.add("idempotencyKey", "key-1");
        return form;
    }
}
