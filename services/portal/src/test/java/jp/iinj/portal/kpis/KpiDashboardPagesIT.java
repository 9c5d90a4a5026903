package jp.iinj.portal.kpis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import jp.iinj.portal.support.PortalTestSupport;
import jp.iinj.portal.support.StubGateway.Answer;

/** The regional KPI dashboard: event feeds' figures as charts and tables, as of a day, and their CSV. */
class KpiDashboardPagesIT extends PortalTestSupport {

    private static final String FIGURES = "{\"members\":{\"applied\":%d,\"active\":%d,\"suspended\":0,\"rejected\":0,"
            + "\"withdrawn\":0,\"lapsed\":1},\"registrations\":%d,\"profilesPublished\":4,\"funnel\":{\"proposals\":9,"
            + "\"interests\":5,\"agreements\":3,\"closedWithAgreement\":1},\"casesClosed\":2,\"firstContact\":"
            + "{\"cases\":%d,\"medianSeconds\":%s},\"escalations\":1}";

    static String figures(int applied, int active, int registrations, int cases, String medianSeconds) {
        return FIGURES.formatted(applied, active, registrations, cases, medianSeconds);
    }

    static String report(String asOf) {
        return "{\"asOf\":\"" + asOf + "\",\"timeZone\":\"Asia/Tokyo\",\"allBureaus\":false,\"bureaus\":[\"kanto\"],"
                + "\"totals\":" + figures(2, 7, 9, 3, "5400") + ","
                + "\"byMonth\":[{\"month\":\"2026-10\",\"figures\":" + figures(1, 5, 6, 0, "null") + "},"
                + "{\"month\":\"2026-11\",\"figures\":" + figures(2, 7, 3, 3, "5400") + "}],"
                + "\"byBureau\":[{\"key\":\"kanto\",\"figures\":" + figures(2, 7, 9, 3, "5400") + "}],"
                + "\"byPrefecture\":[{\"key\":\"13\",\"figures\":" + figures(2, 6, 8, 0, "null") + "},"
                + "{\"key\":null,\"figures\":" + figures(0, 0, 0, 3, "5400") + "}],"
                + "\"byCluster\":[{\"key\":\"kanto-bio\",\"figures\":" + figures(1, 1, 1, 0, "null") + "},"
                + "{\"key\":\"unknown-cluster\",\"figures\":" + figures(1, 1, 1, 0, "null") + "}]}";
    }

    @Test
    void aRegionalBodySeesItsFiguresAsChartsWithTablesAsOfTheDayItChose() {
        GATEWAY.answer("GET", "/api/feeds/kpis", Answer.json(200, report("2026-11-30")));
        GATEWAY.answer("GET", "/api/members/clusters", Answer.json(200, "{\"clusters\":[{\"id\":\"kanto-bio\","
                + "\"name\":\"関東バイオクラスター\",\"englishName\":\"Kanto Bio Cluster\",\"bureau\":\"kanto\",\"active\":true}]}"));

        String page = as(regionalBody("kanto")).get().uri("/regional/kpis?asOf=2026-11-30").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(GATEWAY.last("GET", "/api/feeds/kpis").query()).isEqualTo("asOf=2026-11-30");
        assertThat(page).contains("<h1>地域の KPI</h1>", "関東経済産業局", "value=\"2026-11-30\"",
                "2026-11-30 時点の合計", "1.5 時間（3 件）",
                // every chart is drawn from a table that holds its numbers as text
                "data-table=\"funnel-table\"", "id=\"funnel-table\"", "data-table=\"contact-table\"",
                "id=\"contact-table\"", "data-table=\"months-table\"", "id=\"months-table\"",
                "data-table=\"prefecture-table\"", "id=\"prefecture-table\"", "data-table=\"cluster-table\"",
                "id=\"cluster-table\"", "role=\"img\"", "数値は下の表にあります",
                "東京都", "指定なし", "関東バイオクラスター", "unknown-cluster", "2026-10", "2026-11",
                "href=\"/regional/kpis.csv?asOf=2026-11-30\"", "/assets/webjars/chart.js/dist/chart.umd.js",
                "/assets/kpis.js", "href=\"/regional/kpis\"")
                .doesNotContain("id=\"bureau-table\""); // by bureau: administrators only
        assertThat(page).contains("<td data-value=\"9\">9</td>"); // proposals in the funnel
        // the charting library from its WebJar, and the script that draws from the tables
        web.get().uri("/assets/webjars/chart.js/dist/chart.umd.js").exchange().expectStatus().isOk()
                .expectBody(String.class).value(script -> assertThat(script).contains("Chart.js v4.4.7"));
        web.get().uri("/assets/kpis.js").exchange().expectStatus().isOk();
    }

    @Test
    void todayByDefaultAndInEnglishForAdministratorsWithEveryBureau() {
        String today = LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();
        GATEWAY.answer("GET", "/api/feeds/kpis", Answer.json(200, report(today).replace("\"allBureaus\":false,"
                + "\"bureaus\":[\"kanto\"]", "\"allBureaus\":true,\"bureaus\":[]")));
        String page = as(administrator()).get().uri("/regional/kpis").cookie("PORTAL_LANG", "en").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(GATEWAY.last("GET", "/api/feeds/kpis").query()).isEqualTo("asOf=" + today);
        assertThat(page).contains("Regional KPIs", "The figures of every METI bureau.", "id=\"bureau-table\"",
                "Totals as of " + today, "Tokyo", "Not given", "kanto-bio");
    }

    @Test
    void aDayAfterTodayOrNotADayIsSaidInWordsWithoutAskingTheApi() {
        for (String asOf : new String[] {LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(2).toString(), "2026-02-30",
                "yesterday"}) {
            String page = as(regionalBody("kanto")).get().uri("/regional/kpis?asOf=" + asOf).exchange()
                    .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
            assertThat(page).contains("id=\"asOf-error\"", "aria-invalid=\"true\"", "今日までの日付")
                    .doesNotContain("id=\"funnel-table\"");
        }
        assertThat(GATEWAY.received()).noneMatch(request -> request.path().startsWith("/api/feeds"));
    }

    @Test
    void theCsvComesThroughThePortalWithThePersonsToken() {
        String csv = "bureau,prefecture,cluster,month\r\nkanto,13,,2026-11\r\n";
        GATEWAY.answer("GET", "/api/feeds/kpis.csv", new Answer(200, "text/csv;charset=UTF-8", csv, Map.of()));
        byte[] body = as(regionalBody("kanto")).get().uri("/regional/kpis.csv?asOf=2026-11-30").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv")
                .expectHeader().valueEquals(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kpis-2026-11-30.csv\"")
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(csv);
        var sent = GATEWAY.last("GET", "/api/feeds/kpis.csv");
        assertThat(sent.query()).isEqualTo("asOf=2026-11-30");
        assertThat(sent.header("Authorization")).startsWith("Bearer ");
    }

    @Test
    void membersAndCoordinatorsCannotOpenIt() {
        as(owner("3f0c")).get().uri("/regional/kpis").exchange().expectStatus().isForbidden();
        as(owner("3f0c")).get().uri("/regional/kpis.csv").exchange().expectStatus().isForbidden();
        as(Map.of("sub", "coord-1", "name", "調整 次郎", "email", "c@example.jp", "roles", java.util.List.of("COORDINATOR"),
                "member_ids", java.util.List.of(), "bureaus", java.util.List.of("kanto")))
                .get().uri("/regional/kpis").exchange().expectStatus().isForbidden();
        assertThat(GATEWAY.received()).isEmpty();
    }
}
