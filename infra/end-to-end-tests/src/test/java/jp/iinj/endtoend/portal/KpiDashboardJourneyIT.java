package jp.iinj.endtoend.portal;

import static jp.iinj.endtoend.support.Actor.REGIONAL_BODY_KANTO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Download;

import jp.iinj.endtoend.support.Actors;
import jp.iinj.endtoend.support.EndToEndTest;
import jp.iinj.endtoend.support.RunningPlatform;
import jp.iinj.testing.chromium.HeadlessChromium;
import jp.iinj.testing.chromium.RequiresChromium;

/**
 * The regional KPI dashboard in a real browser on the real platform: the Kanto regional body finds it in its
 * navigation; its bureau's members (organisation A, approved in Kanto when the actors were set up) are counted; every
 * chart is drawn by Chart.js under the portal's Content-Security-Policy, beside the table holding its numbers; the
 * "as of" form shows a past day; the CSV downloads through the portal; axe-core on each page, in both languages.
 */
@EndToEndTest
@RequiresChromium
class KpiDashboardJourneyIT {

    private static final Duration COUNTED = Duration.ofSeconds(60);
    @Test
    void theKantoRegionalBodyReadsItsFiguresAsChartsAndTablesAndDownloadsThem(Actors actors, RunningPlatform platform,
            HeadlessChromium chromium)
            throws Exception {
        try (PortalVisit kanto = PortalVisit.japanese(chromium, platform.gatewayUrl())) {
            List<String> refused = new ArrayList<>();
            kanto.page().onConsoleMessage(message -> {
                // what a Content-Security-Policy refuses, and any script error; a missing favicon is no finding
                if (message.text().contains("Content Security Policy") || message.text().startsWith("Uncaught")) {
                    refused.add(message.text());
                }
            });
            kanto.signIn(actors.email(REGIONAL_BODY_KANTO), actors.password(REGIONAL_BODY_KANTO));
            kanto.page().locator("header nav a[href='/regional/kpis']").click();
            kanto.page().waitForURL("**/regional/kpis");
            assertThat(kanto.heading()).isEqualTo("地域の KPI");

            // the approvals made when the actors were set up are counted (the live projection follows the log)
            await().atMost(COUNTED).untilAsserted(() -> {
                kanto.open("/regional/kpis");
                assertThat(Integer.parseInt(kanto.page().locator("section.card dd").first().innerText().trim()))
                        .isPositive();
            });
            assertThat(kanto.page().locator("#prefecture-table").innerText()).contains("東京都");
            // each chart drawn from its table, nothing refused by the Content-Security-Policy
            kanto.page().waitForFunction("() => window.Chart && document.querySelectorAll('canvas[data-table]').length > 0"
                    + " && Array.from(document.querySelectorAll('canvas[data-table]')).every(c => window.Chart.getChart(c))");
            for (String table : List.of("funnel-table", "contact-table", "months-table", "prefecture-table",
                    "cluster-table")) {
                assertThat(kanto.page().locator("canvas[data-table='" + table + "']").getAttribute("aria-label"))
                        .contains("数値は下の表にあります");
            }
            assertThat(refused).as("console errors (CSP and scripts)").isEmpty();
            kanto.accessible("KPI dashboard").screenshot("kpi-dashboard");

            // a past day: the figures as they were
            String lastMonth = LocalDate.now(ZoneId.of("Asia/Tokyo")).minusMonths(1).withDayOfMonth(1).toString();
            kanto.page().locator("#asOf").fill(lastMonth);
            kanto.page().locator("form.actions button[type=submit]").click();
            kanto.page().waitForURL("**/regional/kpis?asOf=" + lastMonth);
            assertThat(kanto.page().locator("#totals-heading").innerText()).contains(lastMonth);
            kanto.accessible("KPI dashboard, a past day");

            Download download = kanto.page().waitForDownload(() -> kanto.page().locator("a[download]").click());
            String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
            assertThat(csv).startsWith("bureau,prefecture,cluster,month,members_applied");
            assertThat(csv.lines().skip(1)).allMatch(line -> line.startsWith("kanto,"));
        }
        try (PortalVisit kanto = PortalVisit.english(chromium, platform.gatewayUrl())) {
            kanto.signIn(actors.email(REGIONAL_BODY_KANTO), actors.password(REGIONAL_BODY_KANTO));
            // as the other journeys: the page as this browser shows it after signing in (the person's stored language
            // wins at sign-in; switching here would change it for every later journey)
            kanto.open("/regional/kpis");
            assertThat(kanto.page().locator("#funnel-table").count()).isEqualTo(1);
            kanto.accessible("KPI dashboard").screenshot("kpi-dashboard");
        }
    }
}
