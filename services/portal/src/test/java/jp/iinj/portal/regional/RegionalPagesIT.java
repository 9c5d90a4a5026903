package jp.iinj.portal.regional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

import jp.iinj.portal.support.PortalTestSupport;
import jp.iinj.portal.support.StubGateway.Answer;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;

/** The regional body's pages: applications, members, suspension, CSV import. */
class RegionalPagesIT extends PortalTestSupport {

    private static final String APPLIED = "{\"items\":[{\"id\":\"3f0c\",\"legalName\":\"株式会社テスト精機\",\"organisationType\":\"SME\","
            + "\"corporateNumber\":\"7123456789012\",\"prefectureCode\":\"13\",\"bureau\":\"kanto\",\"status\":\"APPLIED\","
            + "\"possibleDuplicate\":true,\"registeredAt\":\"2026-12-05T01:00:00Z\"}],\"nextCursor\":null}";

    @Test
    void applicationsAwaitingApprovalAreListedWithTheirActions() {
        GATEWAY.answer("GET", "/api/members/organisations", Answer.json(200, APPLIED));
        String page = as(regionalBody("kanto")).get().uri("/regional/applications").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("株式会社テスト精機", "東京都", "重複している可能性", "action=\"/regional/applications/3f0c/approval\"",
                "action=\"/regional/applications/3f0c/rejection\"", "action=\"/regional/applications/3f0c/duplicate-clearance\"");
        assertThat(GATEWAY.last("GET", "/api/members/organisations").query()).contains("status=APPLIED", "sort=registeredAt");
    }

    @Test
    void approvingCallsTheRegistryAndSaysSo() {
        GATEWAY.answer("POST", "/api/members/organisations/3f0c/approval", Answer.json(200, "{}"));
        as(regionalBody("kanto")).post().uri("/regional/applications/3f0c/approval").exchange()
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/regional/applications?done=approved");
        GATEWAY.answer("GET", "/api/members/organisations", Answer.json(200, "{\"items\":[]}"));
        assertThat(as(regionalBody("kanto")).get().uri("/regional/applications?done=approved").exchange()
                .expectBody(String.class).returnResult().getResponseBody()).contains("承認しました", "承認待ちの申請はありません");
    }

    @Test
    void aRejectionNeedsAReasonAndSendsIt() {
        as(regionalBody("kanto")).post().uri("/regional/applications/3f0c/rejection")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData("reason", ""))
                .exchange().expectHeader().valueEquals(HttpHeaders.LOCATION, "/regional/applications?refused=reason");
        assertThat(GATEWAY.received()).isEmpty();
        GATEWAY.answer("POST", "/api/members/organisations/3f0c/rejection", Answer.json(200, "{}"));
        as(regionalBody("kanto")).post().uri("/regional/applications/3f0c/rejection")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("reason", "NOT_ELIGIBLE").with("note", "区域外"))
                .exchange().expectHeader().valueEquals(HttpHeaders.LOCATION, "/regional/applications?done=rejected");
        assertThat(GATEWAY.last("POST", "/api/members/organisations/3f0c/rejection").body())
                .contains("\"reason\":\"NOT_ELIGIBLE\"", "\"note\":\"区域外\"");
    }

    @Test
    void aDecisionSomeoneElseMadeIsToldNotShownAsAnError() {
        GATEWAY.answer("POST", "/api/members/organisations/3f0c/approval", Answer.problem(409, "Conflict", "already ACTIVE"));
        as(regionalBody("kanto")).post().uri("/regional/applications/3f0c/approval").exchange()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/regional/applications?refused=decided");
    }

    @Test
    void membersAreFilteredWithTheApisParametersAndPagedWithItsCursor() {
        GATEWAY.answer("GET", "/api/members/clusters", Answer.json(200, "{\"clusters\":[]}"));
        GATEWAY.answer("GET", "/api/members/organisations", Answer.json(200, APPLIED.replace("\"nextCursor\":null", "\"nextCursor\":\"c2\"")));
        String page = as(regionalBody("kanto")).get().uri("/regional/members?prefecture=13&type=SME&status=ACTIVE&q=精機")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        String query = java.net.URLDecoder.decode(GATEWAY.last("GET", "/api/members/organisations").query(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(query).contains("prefecture=13", "type=SME", "status=ACTIVE", "q=精機").doesNotContain("cluster=", "cursor=");
        assertThat(page).contains("href=\"/regional/members/3f0c\"", "cursor=c2");
    }

    @Test
    void clearingAPossibleDuplicateCallsTheRegistryAndSaysSoInEnglish() {
        GATEWAY.answer("POST", "/api/members/organisations/3f0c/duplicate-review/clearance", Answer.json(200, "{}"));
        as(regionalBody("kanto")).post().uri("/regional/applications/3f0c/duplicate-clearance").exchange()
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/regional/applications?done=cleared");
        assertThat(GATEWAY.last("POST", "/api/members/organisations/3f0c/duplicate-review/clearance")).isNotNull();
        GATEWAY.answer("GET", "/api/members/organisations", Answer.json(200, APPLIED));
        String page = as(regionalBody("kanto")).get().uri("/regional/applications?done=cleared").cookie("PORTAL_LANG", "en")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("Applications to approve", "Recorded as not a duplicate.", "role=\"status\"",
                "Confirm it is not a duplicate", "Reject this application");
    }

    @Test
    void theCursorOfTheNextPageIsSentToTheRegistry() {
        GATEWAY.answer("GET", "/api/members/clusters", Answer.json(200, "{\"clusters\":[]}"));
        GATEWAY.answer("GET", "/api/members/organisations", Answer.json(200, APPLIED));
        as(regionalBody("kanto")).get().uri("/regional/members?status=ACTIVE&cursor=c2").exchange().expectStatus().isOk();
        assertThat(GATEWAY.last("GET", "/api/members/organisations").query()).contains("status=ACTIVE", "cursor=c2");
    }

    @Test
    void reinstatingCallsTheRegistryAndAnAlreadySuspendedMemberIsTold() {
        GATEWAY.answer("POST", "/api/members/organisations/3f0c/reinstatement", Answer.json(200, "{}"));
        as(regionalBody("kanto")).post().uri("/regional/members/3f0c/reinstatement").exchange()
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/regional/members/3f0c?done=reinstated");
        assertThat(GATEWAY.last("POST", "/api/members/organisations/3f0c/reinstatement")).isNotNull();
        GATEWAY.answer("POST", "/api/members/organisations/3f0c/suspension", Answer.problem(409, "Conflict", "already SUSPENDED"));
        as(regionalBody("kanto")).post().uri("/regional/members/3f0c/suspension")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData("reason", "UNPAID_FEES"))
                .exchange().expectHeader().valueEquals(HttpHeaders.LOCATION, "/regional/members/3f0c?refused=state");
    }

    @Test
    void aSuspensionSendsItsReason() {
        GATEWAY.answer("POST", "/api/members/organisations/3f0c/suspension", Answer.json(200, "{}"));
        as(regionalBody("kanto")).post().uri("/regional/members/3f0c/suspension")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData("reason", "UNPAID_FEES"))
                .exchange().expectHeader().valueEquals(HttpHeaders.LOCATION, "/regional/members/3f0c?done=suspended");
        assertThat(GATEWAY.last("POST", "/api/members/organisations/3f0c/suspension").body()).isEqualTo("{\"reason\":\"UNPAID_FEES\"}");
    }

    @Test
    void anUploadGoesToTheRegistryAsCsvInTheChosenCharsetAndItsProgressIsShown() {
        GATEWAY.answer("POST", "/api/members/imports", Answer.json(202, "{\"id\":\"imp-1\",\"state\":\"RUNNING\"}"));
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("charset", "Shift_JIS");
        body.part("file", new ByteArrayResource("legal_name\r\n".getBytes()) {
            @Override
            public String getFilename() {
                return "members.csv";
            }
        }).contentType(MediaType.parseMediaType("text/csv"));
        as(regionalBody("kanto")).post().uri("/regional/imports").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build())).exchange()
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/regional/imports/imp-1");
        var sent = GATEWAY.last("POST", "/api/members/imports");
        assertThat(sent.header("Content-Type")).isEqualTo("text/csv;charset=Shift_JIS");
        assertThat(sent.body()).isEqualTo("legal_name\r\n");

        GATEWAY.answer("GET", "/api/members/imports/imp-1", Answer.json(200,
                "{\"id\":\"imp-1\",\"state\":\"RUNNING\",\"rowsRead\":40,\"rowsImported\":38,\"rowsRejected\":2}"));
        String running = as(regionalBody("kanto")).get().uri("/regional/imports/imp-1").exchange()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(running).contains("取り込み中", "<progress", "hx-get=\"/regional/imports/imp-1/progress\"", "hx-trigger=\"every 1s\"",
                "40 行を読み込み: 登録 38 件");

        GATEWAY.answer("GET", "/api/members/imports/imp-1", Answer.json(200, "{\"id\":\"imp-1\",\"state\":\"COMPLETED\",\"rowsRead\":3,"
                + "\"rowsImported\":1,\"rowsRejected\":2,\"errors\":[{\"row\":3,\"field\":\"corporate_number\",\"message\":\"check digit\"}]}"));
        String done = as(regionalBody("kanto")).get().uri("/regional/imports/imp-1/progress").exchange()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(done).contains("取り込みが終わりました", "corporate_number", "check digit").doesNotContain("hx-trigger", "<html");
    }

    @Test
    void theUploadFormsCsrfTokenIsReadFromItsMultipartBody() {
        var person = web.mutateWith(person(regionalBody("kanto")));
        var form = person.get().uri("/regional/imports").exchange().expectStatus().isOk().expectBody(String.class).returnResult();
        String session = form.getResponseCookies().getFirst("PORTAL_SESSION").getValue();
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.getResponseBody());
        assertThat(token.find()).isTrue();
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("_csrf", token.group(1));
        body.part("charset", "UTF-8");
        person.post().uri("/regional/imports").cookie("PORTAL_SESSION", session).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build())).exchange()
                // past the CSRF check: the form itself refuses (no file)
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/regional/imports?refused=file");
    }

    @Test
    void anUploadWithoutAFileIsSentBackWithAMessage() {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("charset", "UTF-8");
        as(regionalBody("kanto")).post().uri("/regional/imports").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build())).exchange()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/regional/imports?refused=file");
    }

    @Test
    void aMemberOnlyPersonCannotOpenTheRegionalPages() {
        as(owner("3f0c")).get().uri("/regional/applications").exchange().expectStatus().isForbidden();
    }
}
