package jp.iinj.portal.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import jp.iinj.portal.support.PortalTestSupport;
import jp.iinj.portal.support.StubGateway.Answer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

/** The organisation's people: the list, invitations, removal by the owner after confirming. */
class PeoplePagesIT extends PortalTestSupport {

    private static final String ORGANISATION = "{\"id\":\"3f0c\",\"legalName\":\"株式会社テスト精機\",\"organisationType\":\"SME\","
            + "\"bureau\":\"kanto\",\"status\":\"ACTIVE\"}";
    private static final String PEOPLE = "{\"organisationId\":\"3f0c\",\"people\":["
            + "{\"subject\":\"owner-1\",\"displayName\":\"山田 太郎\",\"email\":\"yamada@example.jp\",\"role\":\"OWNER\",\"status\":\"ACTIVE\"},"
            + "{\"subject\":\"staff-1\",\"displayName\":\"佐藤 花子\",\"email\":\"sato@example.jp\",\"role\":\"STAFF\",\"status\":\"ACTIVE\"},"
            + "{\"subject\":\"gone-1\",\"displayName\":\"退職 済\",\"email\":\"gone@example.jp\",\"role\":\"STAFF\",\"status\":\"LEFT\"}]}";

    @BeforeEach
    void organisation() {
        GATEWAY.answer("GET", "/api/members/organisations/3f0c", Answer.json(200, ORGANISATION));
        GATEWAY.answer("GET", "/api/members/organisations/3f0c/people", Answer.json(200, PEOPLE));
    }

    @Test
    void theOwnerSeesThePeopleAndMayRemoveStaff() {
        String page = as(owner("3f0c")).get().uri("/organisations/3f0c/people").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("山田 太郎", "佐藤 花子", "登録の担当者", "href=\"/organisations/3f0c/people/staff-1/removal\"",
                "action=\"/organisations/3f0c/people/invitations\"").doesNotContain("退職 済", "people/owner-1/removal");
    }

    @Test
    void staffSeeThePeopleButNoRemoval() {
        var staff = java.util.Map.<String, Object>of("sub", "staff-1", "name", "佐藤 花子", "email", "sato@example.jp",
                "roles", java.util.List.of("MEMBER"), "member_ids", java.util.List.of("3f0c"), "bureaus", java.util.List.of());
        String page = as(staff).get().uri("/organisations/3f0c/people").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("佐藤 花子").doesNotContain("/removal");
    }

    @Test
    void anInvitationGoesToIdentityForThisOrganisation() {
        GATEWAY.answer("POST", "/api/identity/invitations", new Answer(202, null, null, java.util.Map.of()));
        as(owner("3f0c")).post().uri("/organisations/3f0c/people/invitations").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("email", " new@example.jp ")).exchange()
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/organisations/3f0c/people?done=invited");
        assertThat(GATEWAY.last("POST", "/api/identity/invitations").body()).contains("\"email\":\"new@example.jp\"", "\"memberId\":\"3f0c\"");
    }

    @Test
    void removalIsConfirmedThenDone() {
        String confirm = as(owner("3f0c")).get().uri("/organisations/3f0c/people/staff-1/removal").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(confirm).contains("佐藤 花子（sato@example.jp）をこの組織の職員から外しますか");
        GATEWAY.answer("DELETE", "/api/members/organisations/3f0c/people/staff-1", new Answer(202, null, null, java.util.Map.of()));
        as(owner("3f0c")).post().uri("/organisations/3f0c/people/staff-1/removal").exchange()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/organisations/3f0c/people?done=removed");
        assertThat(GATEWAY.last("DELETE", "/api/members/organisations/3f0c/people/staff-1")).isNotNull();
    }

    @Test
    void anotherOrganisationsPeopleAreNotFound() {
        GATEWAY.answer("GET", "/api/members/organisations/9999", Answer.problem(404, "Not Found", "no"));
        GATEWAY.answer("GET", "/api/members/organisations/9999/people", Answer.problem(404, "Not Found", "no"));
        assertThat(as(owner("3f0c")).get().uri("/organisations/9999/people").exchange().expectStatus().isNotFound()
                .expectBody(String.class).returnResult().getResponseBody()).contains("ページが見つかりません");
    }
}
