package jp.iinj.portal.coordination;

import static jp.iinj.portal.coordination.CoordinationFixtures.KANTO_COORDINATOR_ID;
import static jp.iinj.portal.coordination.CoordinationFixtures.OTHER_COORDINATOR_ID;
import static jp.iinj.portal.coordination.CoordinationFixtures.caseJson;
import static jp.iinj.portal.coordination.CoordinationFixtures.coordinator;
import static jp.iinj.portal.coordination.CoordinationFixtures.list;
import static jp.iinj.portal.coordination.CoordinationFixtures.rosterEntry;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

import jp.iinj.portal.support.PortalTestSupport;
import jp.iinj.portal.support.StubGateway.Answer;

/** A regional body's view of its bureau's coordination, and the administrator's roster. */
class RosterAndBureauPagesIT extends PortalTestSupport {

    private static final String ENTRY_PATH = "/api/coordination/coordinators/" + KANTO_COORDINATOR_ID;

    @Test
    void aRegionalBodySeesItsBureausRosterLoadQueueOverdueAndEscalatedCases() {
        GATEWAY.answer("GET", "/api/coordination/coordinators", Answer.json(200, list(rosterEntry(KANTO_COORDINATOR_ID, "調整 次郎", true))));
        GATEWAY.answer("GET", "/api/coordination/cases/workload/kanto", Answer.json(200,
                "{\"bureau\":\"kanto\",\"coordinators\":[{\"coordinatorId\":\"" + KANTO_COORDINATOR_ID
                        + "\",\"name\":\"調整 次郎\",\"open\":3,\"capacity\":10}],\"unassigned\":1,\"overdue\":2}"));
        GATEWAY.answer("GET", "/api/coordination/cases", Answer.json(200, list(caseJson("ASSIGNED", null, null, 2, true))));
        String page = as(regionalBody("kanto")).get().uri("/regional/coordination").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("コーディネート状況：関東経済産業局", "調整 次郎", "<meter", "10 件中 3 件",
                "未割当（局の待ち行列）", "期限超過", "エスカレーション", "href=\"/coordination/cases/c-1\"", "金属加工");
        assertThat(GATEWAY.received().stream().filter(request -> request.path().equals("/api/coordination/cases"))
                .map(request -> request.query()).toList())
                .containsExactlyInAnyOrder("view=queue&bureau=kanto", "view=overdue&bureau=kanto", "view=escalated&bureau=kanto");
        assertThat(GATEWAY.last("GET", "/api/coordination/coordinators").query()).isEqualTo("bureau=kanto");
    }

    @Test
    void aRegionalBodyCannotAskForAnotherBureauAndOthersCannotOpenThePage() {
        GATEWAY.answer("GET", "/api/coordination/coordinators", Answer.json(200, list()));
        GATEWAY.answer("GET", "/api/coordination/cases/workload/kanto", Answer.json(200,
                "{\"bureau\":\"kanto\",\"coordinators\":[],\"unassigned\":0,\"overdue\":0}"));
        GATEWAY.answer("GET", "/api/coordination/cases", Answer.json(200, list()));
        String page = as(regionalBody("kanto")).get().uri("/regional/coordination?bureau=kinki").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        // nothing to list: the words say so, without empty tables
        assertThat(page).contains("コーディネート状況：関東経済産業局", "待ち行列の案件はありません", "期限を過ぎた案件はありません",
                "エスカレーションされた案件はありません").doesNotContain("<table");
        assertThat(GATEWAY.received()).allMatch(request -> request.query() == null || !request.query().contains("kinki"));
        as(coordinator()).get().uri("/regional/coordination").exchange().expectStatus().isForbidden();
        as(owner("3f0c")).get().uri("/regional/coordination").exchange().expectStatus().isForbidden();
        as(coordinator()).get().uri("/admin/coordinators").exchange().expectStatus().isForbidden();
        as(regionalBody("kanto")).get().uri("/admin/coordinators").exchange().expectStatus().isForbidden();
    }

    @Test
    void theAdministratorSeesTheRosterAndPutsACoordinatorAccountOnIt() {
        GATEWAY.answer("GET", "/api/coordination/coordinators", Answer.json(200, list(rosterEntry(KANTO_COORDINATOR_ID, "調整 次郎", true))));
        GATEWAY.answer("GET", "/api/identity/admin/accounts", Answer.json(200, "{\"accounts\":["
                + "{\"id\":\"subject-0b6a\",\"email\":\"old@example.jp\",\"displayName\":\"調整 次郎\",\"roles\":[\"COORDINATOR\"]},"
                + "{\"id\":\"acc-new\",\"email\":\"new@example.jp\",\"displayName\":\"新人 四郎\",\"roles\":[\"COORDINATOR\"]},"
                + "{\"id\":\"acc-rb\",\"email\":\"rb@example.jp\",\"displayName\":\"関東 花子\",\"roles\":[\"REGIONAL_BODY\"]}],"
                + "\"truncated\":false}"));
        String page = as(administrator()).get().uri("/admin/coordinators").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<h1>コーディネーター名簿</h1>", "href=\"/admin/coordinators/" + KANTO_COORDINATOR_ID + "\"",
                "value=\"acc-new\"", "新人 四郎 (new@example.jp)").doesNotContain("value=\"acc-rb\"", "value=\"subject-0b6a\"");
        assertThat(GATEWAY.received().stream().filter(request -> request.path().equals("/api/coordination/coordinators"))
                .map(request -> request.query()).toList())
                .containsExactlyInAnyOrder("active=true&limit=500", "active=false&limit=500");

        GATEWAY.answer("POST", "/api/coordination/coordinators", Answer.json(201, rosterEntry(OTHER_COORDINATOR_ID, "新人 四郎", true)));
        as(administrator()).post().uri("/admin/coordinators").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("subject", "acc-new").with("name", "新人 四郎").with("bureaus", "kanto")
                        .with("bureaus", "kinki").with("prefectures", "13, 27").with("technologyFields", "metal-processing")
                        .with("jsicDivisions", "E").with("languages", "ja, en").with("capacity", "12").with("availability", "ACTIVE"))
                .exchange().expectStatus().isSeeOther()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/admin/coordinators?added=true");
        assertThat(GATEWAY.last("POST", "/api/coordination/coordinators").body()).isEqualTo("{\"subject\":\"acc-new\",\"entry\":"
                + "{\"name\":\"新人 四郎\",\"bureaus\":[\"kanto\",\"kinki\"],\"prefectures\":[\"13\",\"27\"],"
                + "\"technologyFields\":[\"metal-processing\"],\"jsicDivisions\":[\"E\"],\"languages\":[\"ja\",\"en\"],"
                + "\"capacity\":12,\"availability\":{\"status\":\"ACTIVE\"}}}");
    }

    @Test
    void anEntryWithoutBureausIsRefusedHereAndTheApisFieldErrorsStandByTheirFields() {
        GATEWAY.answer("GET", "/api/coordination/coordinators", Answer.json(200, list()));
        GATEWAY.answer("GET", "/api/identity/admin/accounts", Answer.json(200, "{\"accounts\":[]}"));
        String page = as(administrator()).post().uri("/admin/coordinators").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("subject", "acc-new").with("name", "新人 四郎").with("languages", "ja")
                        .with("capacity", "0").with("availability", "AWAY").with("awayFrom", "2026-12-20"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("id=\"bureaus-error\"", "id=\"capacity-error\"", "id=\"awayFrom-error\"", "value=\"新人 四郎\"");
        assertThat(GATEWAY.received()).noneMatch(request -> request.method().equals("POST"));
        GATEWAY.answer("POST", "/api/coordination/coordinators", Answer.fieldProblem("entry.prefectures[0]", "not in a covered bureau"));
        page = as(administrator()).post().uri("/admin/coordinators").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("subject", "acc-new").with("name", "新人 四郎").with("bureaus", "kanto")
                        .with("prefectures", "27").with("languages", "ja").with("capacity", "5").with("availability", "ACTIVE"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("id=\"prefectures-error\"", "not in a covered bureau");
        GATEWAY.answer("POST", "/api/coordination/coordinators", Answer.conflict("coordinator-already-rostered", "exists"));
        page = as(administrator()).post().uri("/admin/coordinators").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("subject", "acc-new").with("name", "新人 四郎").with("bureaus", "kanto")
                        .with("languages", "ja").with("capacity", "5").with("availability", "ACTIVE"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("id=\"subject-error\"", "このアカウントはすでに名簿にあります");
    }

    @Test
    void anEntryIsEditedWithItsRevisionAndAConcurrentEditShowsTheStoredEntry() {
        GATEWAY.answer("GET", ENTRY_PATH, Answer.json(200, rosterEntry(KANTO_COORDINATOR_ID, "調整 次郎", true)));
        String page = as(administrator()).get().uri("/admin/coordinators/" + KANTO_COORDINATOR_ID).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<h1>調整 次郎</h1>", "value=\"&quot;4&quot;\"", "value=\"ja, en\"", "名簿から外す");
        GATEWAY.answer("PUT", ENTRY_PATH, Answer.json(200, rosterEntry(KANTO_COORDINATOR_ID, "調整 次郎", true)));
        as(administrator()).post().uri("/admin/coordinators/" + KANTO_COORDINATOR_ID).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("revision", "\"4\"").with("name", "調整 次郎").with("bureaus", "kanto")
                        .with("languages", "ja").with("capacity", "8").with("availability", "AWAY")
                        .with("awayFrom", "2026-12-28").with("awayTo", "2027-01-05"))
                .exchange().expectStatus().isSeeOther()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/admin/coordinators/" + KANTO_COORDINATOR_ID + "?done=saved");
        var put = GATEWAY.last("PUT", ENTRY_PATH);
        assertThat(put.header("If-Match")).isEqualTo("\"4\"");
        assertThat(put.body()).contains("\"capacity\":8", "\"availability\":{\"status\":\"AWAY\",\"from\":\"2026-12-28\",\"to\":\"2027-01-05\"}");

        GATEWAY.answer("PUT", ENTRY_PATH, Answer.problem(412, "Precondition Failed", "changed"));
        page = as(administrator()).post().uri("/admin/coordinators/" + KANTO_COORDINATOR_ID).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("revision", "\"3\"").with("name", "古い名前").with("bureaus", "kanto")
                        .with("languages", "ja").with("capacity", "8").with("availability", "ACTIVE"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("ほかの方がこの内容を変更しました", "value=\"調整 次郎\"", "value=\"&quot;4&quot;\"");
    }

    @Test
    void aCoordinatorIsTakenOffTheRosterAndPutBack() {
        GATEWAY.answer("POST", ENTRY_PATH + "/deactivation", Answer.json(200, rosterEntry(KANTO_COORDINATOR_ID, "調整 次郎", false)));
        as(administrator()).post().uri("/admin/coordinators/" + KANTO_COORDINATOR_ID + "/deactivation")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData("revision", "\"4\""))
                .exchange().expectStatus().isSeeOther()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/admin/coordinators/" + KANTO_COORDINATOR_ID + "?done=deactivated");
        assertThat(GATEWAY.last("POST", ENTRY_PATH + "/deactivation").header("If-Match")).isEqualTo("\"4\"");
        GATEWAY.answer("GET", ENTRY_PATH, Answer.json(200, rosterEntry(KANTO_COORDINATOR_ID, "調整 次郎", false)));
        String page = as(administrator()).get().uri("/admin/coordinators/" + KANTO_COORDINATOR_ID + "?done=deactivated").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("名簿から外しました", "名簿から外れています", "名簿に戻す");
        GATEWAY.answer("POST", ENTRY_PATH + "/reactivation", Answer.conflict("coordinator-active", "already"));
        GATEWAY.answer("GET", ENTRY_PATH, Answer.json(200, rosterEntry(KANTO_COORDINATOR_ID, "調整 次郎", true)));
        page = as(administrator()).post().uri("/admin/coordinators/" + KANTO_COORDINATOR_ID + "/reactivation")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData("revision", "\"4\""))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("ほかの方がこの内容を変更しました", "名簿に掲載中");
    }
}
