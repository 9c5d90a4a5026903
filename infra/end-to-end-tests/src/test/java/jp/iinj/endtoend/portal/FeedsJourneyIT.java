package jp.iinj.endtoend.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static jp.iinj.endtoend.support.Actor.REGIONAL_BODY_KANTO;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

import jp.iinj.endtoend.support.Actors;
import jp.iinj.endtoend.support.EndToEndTest;
import jp.iinj.endtoend.support.Registrations;
import jp.iinj.endtoend.support.RunningPlatform;
import jp.iinj.testing.chromium.HeadlessChromium;
import jp.iinj.testing.chromium.RequiresChromium;
import jp.iinj.testing.webhooks.StandardWebhooksSignature;
import jp.iinj.testing.webhooks.WebhookReceiver;

/**
 * Event feeds in a real browser on the real platform: the Kanto regional body opens its live feed (the portal relays
 * event feeds' stream with the person's token; the browser holds only its session cookie), then organisations
 * register: the one in Tokyo (Kanto) appears at the top of the open page, the one in Osaka (Kinki) never does. The
 * same body creates a webhook subscription in the portal (Tokyo's registrations only), sees its secret once, receives
 * a Tokyo registration signed with it (verified by the test's own implementation of the specification) while the live
 * feed shows it too and the KPI dashboard counts it, finds the delivery in its log, sends it and a time range again, rotates the secret and deletes
 * the subscription. In both languages, axe-core on every page as it is reached.
 */
@EndToEndTest
@RequiresChromium
class FeedsJourneyIT {

    /** From the registration to the page: the outbox relay, Kafka, the feed's log, the stream's look every second. */
    private static final LocatorAssertions.ContainsTextOptions EVENT_SOON = new LocatorAssertions.ContainsTextOptions().setTimeout(60_000);
    private static final LocatorAssertions.ContainsTextOptions CONNECTED_SOON = new LocatorAssertions.ContainsTextOptions().setTimeout(30_000);
    private static final Duration WEBHOOK_WAIT = Duration.ofSeconds(60);
    private static final Page.WaitForURLOptions SLOW_PAGE = new Page.WaitForURLOptions().setTimeout(30_000);
    private static final String REGISTERED = "jp.iinj.membership.member-registered.v1";
    /** JIS X 0401: Kanagawa, in the Kanto bureau too, but not what the subscription's filter lets through. */
    private static final String KANAGAWA = "14";
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    @Test
    void aRegistrationInTheBureauAppearsOnTheOpenLiveFeedAndOneElsewhereDoesNot(Actors actors, RunningPlatform platform,
            HeadlessChromium chromium) {
        for (boolean english : List.of(false, true)) {
            try (PortalVisit region = english ? PortalVisit.english(chromium, platform.gatewayUrl())
                    : PortalVisit.japanese(chromium, platform.gatewayUrl())) {
                region.signIn(actors.email(REGIONAL_BODY_KANTO), actors.password(REGIONAL_BODY_KANTO));
                if (english) {
                    inEnglish(region);
                }
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
                if (english) {
                    backToJapanese(region);
                }
            }
        }
    }

    @Test
    void aSubscriptionMadeInThePortalReceivesItsBureausRegistrationSignedAndItsLogShowsEveryAttempt(Actors actors,
                                                                                                  RunningPlatform platform,
            HeadlessChromium chromium) {
        try (WebhookReceiver receiver = WebhookReceiver.start();
             PortalVisit region = PortalVisit.japanese(chromium, platform.gatewayUrl())) {
            region.signIn(actors.email(REGIONAL_BODY_KANTO), actors.password(REGIONAL_BODY_KANTO));
            Page page = region.page();
            page.locator("header.site nav a[href='/regional/subscriptions']").click();
            page.waitForURL("**/regional/subscriptions");
            region.accessible("webhook subscriptions");
            page.locator("main a[href='/regional/subscriptions/new']").click();
            page.waitForURL("**/regional/subscriptions/new");
            region.accessible("new subscription").screenshot("feeds-subscription-new");

            // registrations in Tokyo only, to a subscriber on this machine (the local platform allows loopback sinks)
            page.locator("#sink").fill(receiver.url().toString());
            page.locator("input[name=types][value='" + REGISTERED + "']").check();
            page.locator("#filterAttribute0").selectOption("prefecture");
            page.locator("#filterDialect0").selectOption("exact");
            page.locator("#filterValue0").fill(Registrations.TOKYO);
            page.locator("form.subscription-form button[type=submit]").click();
            assertThat(page.locator("h1")).hasText("購読を作成しました");
            String secret = page.locator("#secret").inputValue();
            org.assertj.core.api.Assertions.assertThat(secret).startsWith("whsec_");
            assertThat(page.locator("main")).containsText("二度と表示されません");
            region.accessible("the secret, shown once").screenshot("feeds-subscription-secret");
            page.locator("main a.button[href^='/regional/subscriptions/']").click();
            page.waitForURL(Pattern.compile(".*/regional/subscriptions/[^/?]+$"), SLOW_PAGE);
            String subscriptionPath = page.url().replace(platform.gatewayUrl(), "");
            assertThat(page.locator("main")).not().containsText(secret);
            assertThat(page.locator("dd.sink")).hasText(receiver.url().toString());
            region.accessible("a subscription before any delivery");

            // the live feed open beside it, in a second tab of the same session
            Page live = page.context().newPage();
            live.navigate(region.url("/regional/feed"));
            assertThat(live.locator("#feed-status")).containsText("接続しました", CONNECTED_SOON);

            // and the KPI dashboard, whose Tokyo row counts the organisations awaiting approval
            Page kpis = page.context().newPage();
            String dashboard = region.url("/regional/kpis");
            int awaitingBefore = tokyoAwaitingApproval(kpis, dashboard);

            String elsewhereInKanto = actors.registrations().applied(KANAGAWA);
            String tokyo = actors.registrations().applied(Registrations.TOKYO);
            await("the webhook of " + tokyo).atMost(WEBHOOK_WAIT).until(() -> receiver.received().stream()
                    .anyMatch(webhook -> webhook.bodyText().contains(tokyo)));
            WebhookReceiver.Received webhook = receiver.received().stream()
                    .filter(received -> received.bodyText().contains(tokyo)).findFirst().orElseThrow();
            org.assertj.core.api.Assertions.assertThat(StandardWebhooksSignature.verifies(webhook, secret))
                    .as("signed with the secret the page showed: %s", webhook.signature()).isTrue();
            org.assertj.core.api.Assertions.assertThat(webhook.bodyText()).contains("\"type\":\"" + REGISTERED + "\"");
            // the live feed shows the body's every event; the subscription only what its filter lets through
            assertThat(live.locator("#feed-events")).containsText(tokyo, EVENT_SOON);
            assertThat(live.locator("#feed-events")).containsText(elsewhereInKanto, EVENT_SOON);
            org.assertj.core.api.Assertions.assertThat(receiver.received())
                    .noneMatch(received -> received.bodyText().contains(elsewhereInKanto));
            live.close();
            await("the registration counted on the KPI dashboard").atMost(WEBHOOK_WAIT)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> tokyoAwaitingApproval(kpis, dashboard) > awaitingBefore);
            kpis.close();

            // the delivery in the log, with its attempt
            Locator delivery = page.locator("table.deliveries tr[data-delivery='" + webhook.webhookId() + "']");
            await("the delivery in the log").atMost(WEBHOOK_WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
                region.open(subscriptionPath);
                return delivery.count() == 1 && delivery.innerText().contains("配信済み");
            });
            assertThat(delivery).containsText("会員登録の申請");
            assertThat(delivery).containsText(tokyo);
            assertThat(delivery.locator("ol.attempts li")).hasCount(1);
            assertThat(delivery.locator("ol.attempts")).containsText("HTTP 204");
            region.accessible("the delivery log").screenshot("feeds-subscription-log");

            // sent again by hand: the same webhook-id, so the subscriber can drop the duplicate
            delivery.locator("form.replay button[type=submit]").click();
            page.waitForURL(Pattern.compile(".*\\?done=replayed$"), SLOW_PAGE);
            assertThat(page.locator("[role=status]").first()).containsText("このイベントをもう一度送ります");
            await("the replay of " + webhook.webhookId()).atMost(WEBHOOK_WAIT)
                    .until(() -> receiver.byWebhookId().getOrDefault(webhook.webhookId(), List.of()).size() >= 2);

            // and everything of the last ten minutes (Japan time in the form)
            LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Tokyo")).truncatedTo(ChronoUnit.SECONDS);
            await("a range replay accepted").atMost(WEBHOOK_WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
                page.locator("#from").fill(LOCAL_INPUT.format(now.minusMinutes(10)));
                page.locator("#to").fill(LOCAL_INPUT.format(now.plusMinutes(5)));
                page.locator("form.replay-range button[type=submit]").click();
                page.waitForURL(Pattern.compile(".*/regional/subscriptions/[^/?]+(/replays|\\?done=rangeReplayed.*)$"), SLOW_PAGE);
                // a replay of this subscription still running is said in words (409): the page keeps the range
                return page.url().contains("done=rangeReplayed");
            });
            assertThat(page.locator("[role=status]").first()).containsText("件のイベントをもう一度送ります");
            region.accessible("a range sent again");

            // a new secret, shown once; the previous one still signs for a while
            page.locator("form.rotate button[type=submit]").click();
            assertThat(page.locator("h1")).hasText("新しいシークレット");
            String rotated = page.locator("#secret").inputValue();
            org.assertj.core.api.Assertions.assertThat(rotated).startsWith("whsec_").isNotEqualTo(secret);
            assertThat(page.locator("main")).containsText("までは前のシークレットの署名も付けて送ります");
            region.accessible("the rotated secret, shown once");

            // deleted after asking
            region.open(subscriptionPath);
            assertThat(page.locator("main")).containsText("前のシークレット");
            page.locator("main a[href$='/deletion']").click();
            page.waitForURL("**/deletion");
            region.accessible("delete a subscription");
            page.locator("form.delete button[type=submit]").click();
            page.waitForURL(Pattern.compile(".*/regional/subscriptions\\?done=deleted$"), SLOW_PAGE);
            assertThat(page.locator("[role=status]").first()).containsText("購読を削除しました");
            assertThat(page.locator("main")).not().containsText(receiver.url().toString());
        }

        try (PortalVisit region = PortalVisit.english(chromium, platform.gatewayUrl())) {
            region.signIn(actors.email(REGIONAL_BODY_KANTO), actors.password(REGIONAL_BODY_KANTO));
            inEnglish(region);
            region.open("/regional/subscriptions");
            assertThat(region.page().locator("h1")).hasText("Webhook subscriptions");
            region.accessible("webhook subscriptions").screenshot("feeds-subscriptions");
            region.open("/regional/subscriptions/new");
            assertThat(region.page().locator("main")).containsText("Registration applied for");
            region.accessible("new subscription").screenshot("feeds-subscription-new");
            backToJapanese(region);
        }
    }

    /** The KPI dashboard's count of Tokyo organisations awaiting approval (none yet: no row). */
    private static int tokyoAwaitingApproval(Page page, String dashboard) {
        page.navigate(dashboard);
        Locator tokyo = page.locator("#prefecture-table tbody tr")
                .filter(new Locator.FilterOptions().setHasText("東京都"));
        return tokyo.count() == 0 ? 0 : Integer.parseInt(tokyo.first().locator("td").nth(1).innerText().trim());
    }

    /**
     * The person's stored language wins at sign-in (the matrix stores Japanese for every actor): switched to English
     * here if the sign-in brought Japanese back.
     */
    private static void inEnglish(PortalVisit visit) {
        if (visit.page().locator("html[lang=en]").count() == 0) {
            visit.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
            visit.page().waitForSelector("html[lang=en]");
        }
    }

    /** Leaves the account's stored language Japanese, as the other journeys expect of it. */
    private static void backToJapanese(PortalVisit visit) {
        visit.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("日本語")).click();
        visit.page().waitForSelector("html[lang=ja]");
    }
}
