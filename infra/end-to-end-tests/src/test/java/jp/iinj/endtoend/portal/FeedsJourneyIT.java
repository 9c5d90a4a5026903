package jp.iinj.endtoend.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static jp.iinj.endtoend.support.Actor.REGIONAL_BODY_KANTO;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;

import jp.iinj.endtoend.support.Actors;
import jp.iinj.endtoend.support.EndToEndTest;
import jp.iinj.endtoend.support.Registrations;
import jp.iinj.endtoend.support.RunningPlatform;
import jp.iinj.testing.chromium.HeadlessChromium;
import jp.iinj.testing.chromium.RequiresChromium;

/**
 * Event feeds in a real browser on the real platform: the Kanto regional body opens its live feed (the portal relays
 * event feeds' stream with the person's token; the browser holds only its session cookie), then organisations
 * register: the one in Tokyo (Kanto) appears at the top of the open page, the one in Osaka (Kinki) never does. In
 * both languages, axe-core on every page as it is reached.
 */
@EndToEndTest
@RequiresChromium
class FeedsJourneyIT {

    /** From the registration to the page: the outbox relay, Kafka, the feed's log, the stream's look every second. */
    private static final LocatorAssertions.ContainsTextOptions EVENT_SOON = new LocatorAssertions.ContainsTextOptions().setTimeout(60_000);
    private static final LocatorAssertions.ContainsTextOptions CONNECTED_SOON = new LocatorAssertions.ContainsTextOptions().setTimeout(30_000);
    private static HeadlessChromium chromium;

    @BeforeAll
    static void startChromium() {
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    static void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aRegistrationInTheBureauAppearsOnTheOpenLiveFeedAndOneElsewhereDoesNot(Actors actors, RunningPlatform platform) {
        for (boolean english : List.of(false, true)) {
            try (PortalVisit region = english ? PortalVisit.english(chromium, platform.gatewayUrl())
                    : PortalVisit.japanese(chromium, platform.gatewayUrl())) {
                region.signIn(actors.email(REGIONAL_BODY_KANTO), actors.password(REGIONAL_BODY_KANTO));
                // linked from the regional body's navigation
                region.page().locator("header.site nav a[href='/regional/feed']").click();
                region.page().waitForURL("**/regional/feed");
                Locator status = region.page().locator("#feed-status");
                assertThat(status).containsText(english ? "Connected" : "接続しました", CONNECTED_SOON);
                assertThat(region.page().locator("#feed-events")).hasAttribute("aria-live", "polite");
                region.accessible("live feed, waiting").screenshot("feeds-live-waiting");

                // opened before the events happened: they arrive on the page as they happen, newest first
                String elsewhere = actors.registrations().applied(Registrations.OSAKA);
                String inKanto = actors.registrations().applied(Registrations.TOKYO);
                Locator items = region.page().locator("#feed-events li");
                assertThat(items.first()).containsText(inKanto, EVENT_SOON);
                assertThat(items.first()).containsText(english ? "Registration applied for" : "会員登録の申請");
                assertThat(items.first()).containsText(english ? "Kanto" : "関東経済産業局");
                assertThat(items.first()).containsText(english ? "Tokyo" : "東京都");
                assertThat(region.page().locator("#feed-events")).not().containsText(elsewhere);
                assertThat(region.page().locator("#feed-none")).isHidden();
                region.accessible("live feed with an event").screenshot("feeds-live");

                // a second one goes on top of the first
                String second = actors.registrations().applied(Registrations.TOKYO);
                assertThat(items.first()).containsText(second, EVENT_SOON);
                assertThat(items.nth(1)).containsText(inKanto);
                assertThat(region.page().locator("#feed-events")).not().containsText(elsewhere);
            }
        }
    }
}
