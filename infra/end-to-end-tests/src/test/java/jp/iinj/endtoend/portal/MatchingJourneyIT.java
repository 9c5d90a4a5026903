package jp.iinj.endtoend.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static jp.iinj.endtoend.support.Actor.MEMBER_A;
import static jp.iinj.endtoend.support.Actor.MEMBER_B;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;

import jp.iinj.endtoend.support.Actors;
import jp.iinj.endtoend.support.EndToEndTest;
import jp.iinj.endtoend.support.RunningPlatform;
import jp.iinj.testing.chromium.HeadlessChromium;
import jp.iinj.testing.chromium.RequiresChromium;

/**
 * Business matching in a real browser on the real platform: an offer and a request in their own words are published,
 * a proposal appears on both sides with its reasons, the requester expresses interest, the owner accepts, and each
 * side now sees who the other is. Every page is checked with axe-core as it is reached.
 */
@EndToEndTest
@RequiresChromium
class MatchingJourneyIT {

    private static final Duration PROPOSAL_WAIT = Duration.ofSeconds(90);
    private static final Page.WaitForURLOptions SLOW_PAGE = new Page.WaitForURLOptions().setTimeout(30_000);
    private static final com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions VISIBLE_SOON =
            new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(30_000);
    @Test
    void anOfferAndARequestMeetInAProposalAndOnAcceptanceBothSidesAreDisclosed(Actors actors, RunningPlatform platform,
            HeadlessChromium chromium) {
        String suffix = Long.toString(System.nanoTime(), 36);
        try (PortalVisit supplier = PortalVisit.japanese(chromium, platform.gatewayUrl());
             PortalVisit buyer = PortalVisit.japanese(chromium, platform.gatewayUrl())) {
            supplier.signIn(actors.email(MEMBER_A), actors.password(MEMBER_A));
            publish(supplier, "TECHNOLOGY_OFFER", "チタン部品の精密切削加工 " + suffix,
                    "5軸マシニングでチタン部品の精密切削加工を請け負います。試作から量産まで対応します。",
                    "metal-processing");

            buyer.signIn(actors.email(MEMBER_B), actors.password(MEMBER_B));
            publish(buyer, "TECHNOLOGY_REQUEST", "チタン部品の切削加工をお願いしたい " + suffix,
                    "装置のチタン部品を切削加工してくれる協力工場を探しています。小ロットで構いません。", "machinery");

            // the proposal reaches both sides, with its reasons in words and the other side anonymous
            Page proposals = awaitProposal(buyer, suffix);
            buyer.accessible("proposals").screenshot("matching-proposals");
            assertThat(proposals.locator("article.proposal").filter(
                    new com.microsoft.playwright.Locator.FilterOptions().setHasText(suffix)).first())
                    .not().containsText(Actors.ORGANISATION_A_NAME);
            awaitProposal(supplier, suffix);

            // the buyer expresses interest from the proposal of this journey's offer (the buyer's own request, which
            // carries the suffix too, is named on every card; other tests' offers may be proposed as well)
            var card = buyer.page().locator("article.proposal").filter(
                    new com.microsoft.playwright.Locator.FilterOptions().setHasText("精密切削加工 " + suffix)).first();
            card.locator("textarea[name=message]").fill("弊社装置の部品加工をお願いしたく、ご相談させてください。");
            card.locator("button[type=submit]").click();
            // a loaded machine takes a while to answer: wait for the page the interest leads to
            buyer.page().waitForURL(Pattern.compile(".*/matching/interests/sent.*"), SLOW_PAGE);
            assertThat(buyer.page().locator("[role=status]").first()).isVisible(VISIBLE_SOON);
            buyer.accessible("after expressing interest");

            // the supplier accepts it
            supplier.open("/matching/interests/received");
            supplier.accessible("interests received").screenshot("matching-interests-received");
            assertThat(supplier.page().locator("main")).containsText("弊社装置の部品加工");
            // this journey's interest is still anonymous (an interest of B that another journey had accepted names B)
            assertThat(supplier.page().locator("article.interest").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("弊社装置の部品加工")).first()).not().containsText(Actors.ORGANISATION_B_NAME);
            supplier.page().locator("article.interest").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("弊社装置の部品加工")).locator("form[action$='/accept'] button[type=submit]").first().click();
            supplier.page().waitForLoadState();
            assertThat(supplier.page().locator("[role=status]").first()).isVisible(VISIBLE_SOON);

            // both now see who the other is
            supplier.open("/matching/interests/received");
            assertThat(supplier.page().locator("article.interest").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("弊社装置の部品加工")).first()).containsText(Actors.ORGANISATION_B_NAME);
            buyer.open("/matching/interests/sent");
            buyer.accessible("interests sent, accepted").screenshot("matching-interest-accepted");
            assertThat(buyer.page().locator("article.interest").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("弊社装置の部品加工")).first()).containsText(Actors.ORGANISATION_A_NAME);
        }
    }

    /** Drafts a profile through the form and publishes it from its page. */
    static void publish(PortalVisit visit, String type, String title, String summary, String field) {
        visit.open("/matching/profiles/new");
        visit.accessible("draft form");
        Page form = visit.page();
        form.locator("#type-" + type).check();
        form.locator("[id='title.ja']").fill(title);
        form.locator("[id='summary.ja']").fill(summary);
        form.locator("input[name=technologyFields][value=" + field + "]").check();
        form.locator("#stage").selectOption("ON_THE_MARKET");
        form.locator("#ipStatus").selectOption("SECRET_KNOW_HOW");
        form.locator("input[name=partnershipTypes][value=MANUFACTURING_SUPPLY_OUTSOURCING]").check();
        form.locator("input[name=targetRegions][value=nationwide]").check();
        form.locator("form.stacked button[type=submit].primary").click();
        form.waitForURL(Pattern.compile(".*/matching/profiles/[^/]+$"));
        visit.accessible("draft");
        form.locator("form[action$='/publish'] button[type=submit]").click();
        form.waitForLoadState();
        assertThat(form.locator("[role=status]").first()).isVisible(VISIBLE_SOON);
        visit.accessible("published profile").screenshot("matching-profile-" + (type.endsWith("OFFER") ? "offer" : "request"));
    }

    /** Proposals are computed from the publication's event: reload the page until this journey's one is there. */
    static Page awaitProposal(PortalVisit visit, String suffix) {
        await("a proposal for " + suffix).atMost(PROPOSAL_WAIT).pollInterval(Duration.ofSeconds(2)).until(() -> {
            visit.open("/matching/proposals");
            return visit.page().locator("article.proposal").filter(
                    new com.microsoft.playwright.Locator.FilterOptions().setHasText(suffix)).count() > 0;
        });
        List<String> reasons = visit.page().locator("article.proposal li").allInnerTexts();
        org.assertj.core.api.Assertions.assertThat(reasons).as("the reasons of the proposal").isNotEmpty();
        return visit.page();
    }
}
