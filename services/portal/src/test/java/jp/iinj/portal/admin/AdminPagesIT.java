package jp.iinj.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import jp.iinj.portal.support.PortalTestSupport;
import jp.iinj.portal.support.StubGateway.Answer;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

/** The administrator's pages: staff accounts and the cluster catalogue. */
class AdminPagesIT extends PortalTestSupport {

    @org.junit.jupiter.api.BeforeEach
    void staffList() {
        GATEWAY.answer("GET", "/api/identity/admin/accounts", Answer.json(200, "{\"accounts\":[{\"email\":\"kanto@example.jp\","
                + "\"displayName\":\"関東 花子\",\"roles\":[\"REGIONAL_BODY\"],\"bureaus\":[\"kanto\",\"tohoku\"],\"status\":\"ACTIVE\"}],"
                + "\"truncated\":false}"));
    }

    @Test
    void theStaffAreListedWithTheBureausTheyCover() {
        String page = as(administrator()).get().uri("/admin/accounts").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("関東 花子", "kanto@example.jp", "地域の機関", "関東経済産業局、", "東北経済産業局");
    }

    @Test
    void aStaffAccountIsOpenedWithItsRoleAndBureaus() {
        GATEWAY.answer("POST", "/api/identity/admin/accounts", Answer.json(201, "{\"id\":\"a1\"}"));
        as(administrator()).post().uri("/admin/accounts").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("email", "rb@example.jp").with("displayName", "関東 花子")
                        .with("role", "REGIONAL_BODY").with("bureaus", "kanto").with("bureaus", "tohoku"))
                .exchange().expectStatus().isSeeOther()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/admin/accounts?created=rb%40example.jp");
        assertThat(GATEWAY.last("POST", "/api/identity/admin/accounts").body()).contains("\"email\":\"rb@example.jp\"",
                "\"roles\":[\"REGIONAL_BODY\"]", "\"bureaus\":[\"kanto\",\"tohoku\"]");
        assertThat(as(administrator()).get().uri("/admin/accounts?created=rb@example.jp").exchange()
                .expectBody(String.class).returnResult().getResponseBody()).contains("rb@example.jp のアカウントを作成しました");
    }

    @Test
    void anAccountWithoutBureausIsRefusedHereAndATakenEmailIsToldAtItsField() {
        String page = as(administrator()).post().uri("/admin/accounts").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("email", "rb@example.jp").with("displayName", "X").with("role", "COORDINATOR"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("担当する経済産業局を 1 つ以上選んでください");
        assertThat(GATEWAY.received()).noneMatch(request -> request.method().equals("POST"));
        GATEWAY.answer("POST", "/api/identity/admin/accounts", Answer.problem(409, "Conflict", "exists"));
        page = as(administrator()).post().uri("/admin/accounts").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("email", "rb@example.jp").with("displayName", "X").with("role", "COORDINATOR")
                        .with("bureaus", "kanto"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("id=\"email-error\"", "このメールアドレスのアカウントはすでにあります");
    }

    @Test
    void theCatalogueIsListedAndAClusterAdded() {
        GATEWAY.answer("GET", "/api/members/clusters", Answer.json(200, "{\"clusters\":[{\"id\":\"tama\",\"name\":\"TAMA 協会\","
                + "\"bureau\":\"kanto\",\"programme\":\"METI_INDUSTRIAL_CLUSTER\",\"active\":true}]}"));
        String page = as(administrator()).get().uri("/admin/clusters").cookie("PORTAL_LANG", "en").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("TAMA 協会", "Kanto Bureau", "METI Industrial Cluster Program");
        GATEWAY.answer("POST", "/api/members/clusters", Answer.json(201, "{\"id\":\"new\"}"));
        as(administrator()).post().uri("/admin/clusters").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("name", "新クラスター").with("bureau", "kinki").with("programme", "REGIONAL"))
                .exchange().expectHeader().valueEquals(HttpHeaders.LOCATION, "/admin/clusters?added=true");
        assertThat(GATEWAY.last("POST", "/api/members/clusters").body()).contains("\"name\":\"新クラスター\"", "\"bureau\":\"kinki\"",
                "\"programme\":\"REGIONAL\"", "\"active\":true");
    }

    private static final String TAMA = "{\"id\":\"tama\",\"name\":\"TAMA 協会\",\"bureau\":\"kanto\","
            + "\"programme\":\"METI_INDUSTRIAL_CLUSTER\",\"active\":true}";

    @Test
    void aClusterIsEditedWithTheRevisionItWasReadWith() {
        GATEWAY.answer("GET", "/api/members/clusters/tama", Answer.json(200, TAMA).withHeader("ETag", "\"3\""));
        String page = as(administrator()).get().uri("/admin/clusters/tama").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("クラスターを編集", "value=\"TAMA 協会\"", "name=\"revision\"", "保存する");
        GATEWAY.answer("PUT", "/api/members/clusters/tama", Answer.json(200, TAMA));
        as(administrator()).post().uri("/admin/clusters/tama").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("name", "TAMA 協議会").with("bureau", "kanto")
                        .with("programme", "REGIONAL").with("revision", "\"3\""))
                .exchange().expectStatus().isSeeOther()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/admin/clusters/tama?saved=true");
        var put = GATEWAY.last("PUT", "/api/members/clusters/tama");
        assertThat(put.header("If-Match")).isEqualTo("\"3\"");
        assertThat(put.body()).contains("\"name\":\"TAMA 協議会\"", "\"programme\":\"REGIONAL\"", "\"active\":false");
    }

    @Test
    void aConcurrentEditShowsTheStoredValuesAndFieldErrorsStandByTheirFields() {
        GATEWAY.answer("GET", "/api/members/clusters/tama", Answer.json(200, TAMA).withHeader("ETag", "\"4\""));
        GATEWAY.answer("PUT", "/api/members/clusters/tama", Answer.problem(412, "Precondition Failed", "changed"));
        String page = as(administrator()).post().uri("/admin/clusters/tama").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("name", "古い名前").with("bureau", "kanto")
                        .with("programme", "REGIONAL").with("active", "true").with("revision", "\"3\""))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("ほかの方が変更しました", "value=\"TAMA 協会\"", "value=\"&quot;4&quot;\"");
        GATEWAY.answer("PUT", "/api/members/clusters/tama", Answer.fieldProblem("englishName", "must not contain control characters"));
        page = as(administrator()).post().uri("/admin/clusters/tama").cookie("PORTAL_LANG", "en")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("name", "TAMA").with("englishName", "x").with("bureau", "kanto")
                        .with("programme", "REGIONAL").with("revision", "\"4\""))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("id=\"englishName-error\"", "must not contain control characters", "Edit cluster");
    }

    @Test
    void onlyAdministratorsOpenThesePages() {
        as(regionalBody("kanto")).get().uri("/admin/accounts").exchange().expectStatus().isForbidden();
        as(owner("3f0c")).get().uri("/admin/clusters").exchange().expectStatus().isForbidden();
        as(owner("3f0c")).get().uri("/admin/clusters/tama").exchange().expectStatus().isForbidden();
    }
}
