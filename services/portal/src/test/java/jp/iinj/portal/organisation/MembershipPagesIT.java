package jp.iinj.portal.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import jp.iinj.portal.support.PortalTestSupport;
import jp.iinj.portal.support.StubGateway.Answer;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

/** The membership page: status and expiry, renewal when the registry opens it, withdrawal after confirming. */
class MembershipPagesIT extends PortalTestSupport {

    @Test
    void statusExpiryRenewalAndWithdrawal() {
        GATEWAY.answer("GET", "/api/members/organisations/3f0c", Answer.json(200, "{\"id\":\"3f0c\",\"legalName\":\"株式会社テスト精機\","
                + "\"organisationType\":\"SME\",\"bureau\":\"kanto\",\"status\":\"ACTIVE\",\"expiresOn\":\"2027-12-31\"}"));
        String page = as(owner("3f0c")).get().uri("/organisations/3f0c/membership").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("有効", "2027-12-31", "会員資格を更新する", "退会する");

        GATEWAY.answer("POST", "/api/members/organisations/3f0c/renewal", Answer.problem(409, "Conflict", "renewal not open"));
        as(owner("3f0c")).post().uri("/organisations/3f0c/membership/renewal").exchange()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/organisations/3f0c/membership?refused=renewalClosed");

        as(owner("3f0c")).post().uri("/organisations/3f0c/membership/withdrawal").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("reason", "BUSINESS_CLOSED")).exchange()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/organisations/3f0c/membership?refused=confirm");
        GATEWAY.answer("POST", "/api/members/organisations/3f0c/withdrawal", Answer.json(200, "{}"));
        as(owner("3f0c")).post().uri("/organisations/3f0c/membership/withdrawal").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("reason", "BUSINESS_CLOSED").with("confirmed", "true")).exchange()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/organisations/3f0c/membership?done=withdrawn");
        assertThat(GATEWAY.last("POST", "/api/members/organisations/3f0c/withdrawal").body()).isEqualTo("{\"reason\":\"BUSINESS_CLOSED\"}");
    }
}
