package jp.iinj.memberregistry.organisation;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import jp.iinj.testing.tokens.TestTokens;
import jp.iinj.memberregistry.corporatenumber.TestCorporateNumbers;

/** Organisations registered (and approved) over HTTP for ITs. */
public final class TestRegistrations {

    private TestRegistrations() {
    }

    /** A registration body with a fresh corporate number in {@code prefectureCode}, contacts and a full profile. */
    public static String body(String legalName, String prefectureCode) {
        return """
                {"legalName":"%s","legalNameKana":"テスト","englishName":"Test Co., Ltd.","organisationType":"SME",
                 "corporateNumber":"%s","prefectureCode":"%s","address":"本町1-2-3","website":"https://test.example.jp",
                 "employeeBand":"EMPLOYEES_20_TO_49","capitalBand":"FROM_10M_TO_50M_YEN",
                 "jsicCodes":[{"revision":"14","code":"2611"}],"technologyFields":["metal-processing","machinery"],
                 "keywords":["精密切削","five-axis"],"typology":"TYPE_2_SECOND_TIME_START_UP_OR_HIDDEN_CHAMPION",
                 "contacts":[{"name":"連絡 花子","department":"総務部","email":"hanako@test.example.jp","phone":"03-1234-5678"}],
                 "owner":{"displayName":"所有 太郎","email":"taro@test.example.jp"}}"""
                .formatted(legalName, TestCorporateNumbers.random(), prefectureCode);
    }

    public static OrganisationResponse register(WebTestClient http, String body) {
        return http.post().uri("/api/members/organisations").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated()
                .expectBody(OrganisationResponse.class).returnResult().getResponseBody();
    }

    public static OrganisationResponse registerAndApprove(WebTestClient http, String body) {
        OrganisationResponse applied = register(http, body);
        return http.post().uri("/api/members/organisations/{id}/approval", applied.id())
                .headers(h -> h.setBearerAuth(TestTokens.admin()))
                .exchange().expectStatus().isOk()
                .expectBody(OrganisationResponse.class).returnResult().getResponseBody();
    }
}
