package jp.iinj.endtoend.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static jp.iinj.endtoend.support.Actor.ADMIN;
import static jp.iinj.endtoend.support.Actor.COORDINATOR;
import static jp.iinj.endtoend.support.Actor.MEMBER_A;
import static jp.iinj.endtoend.support.Actor.MEMBER_B;
import static jp.iinj.endtoend.support.Actor.REGIONAL_BODY_KANTO;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

import jp.iinj.endtoend.support.Actors;
import jp.iinj.endtoend.support.EndToEndTest;
import jp.iinj.endtoend.support.RunningPlatform;
import jp.iinj.testing.chromium.HeadlessChromium;
import jp.iinj.testing.chromium.RequiresChromium;

/**
 * Coordination in a real browser on the real platform: the administrator puts the coordinator on the roster for the
 * Kanto bureau, two members reach an agreed match, the case is assigned to that coordinator, who accepts it, records
 * the stages and a note and closes it with an agreement; both members then see the outcome on their match, and the
 * Kanto regional body sees its bureau's coordination. Every page is checked with axe-core as it is reached.
 */
@EndToEndTest
@RequiresChromium
class CoordinationJourneyIT {

    private static final String COORDINATOR_NAME = "E2E コーディネーター";
    private static final Duration CASE_WAIT = Duration.ofSeconds(90);
    private static final Page.WaitForURLOptions SLOW_PAGE = new Page.WaitForURLOptions().setTimeout(30_000);
    private static final LocatorAssertions.IsVisibleOptions VISIBLE_SOON = new LocatorAssertions.IsVisibleOptions().setTimeout(30_000);
    @Test
    void anAgreedMatchIsCoordinatedToAnAgreementThatBothMembersSee(Actors actors, RunningPlatform platform,
            HeadlessChromium chromium) {
        String suffix = Long.toString(System.nanoTime(), 36);
        try (PortalVisit admin = PortalVisit.japanese(chromium, platform.gatewayUrl());
             PortalVisit supplier = PortalVisit.japanese(chromium, platform.gatewayUrl());
             PortalVisit buyer = PortalVisit.japanese(chromium, platform.gatewayUrl());
             PortalVisit coordinator = PortalVisit.japanese(chromium, platform.gatewayUrl())) {
            admin.signIn(actors.email(ADMIN), actors.password(ADMIN));
            putOnTheRoster(admin, actors.email(COORDINATOR));

            // two members reach an agreed match, as in the matching journey
            supplier.signIn(actors.email(MEMBER_A), actors.password(MEMBER_A));
            MatchingJourneyIT.publish(supplier, "TECHNOLOGY_OFFER", "チタン部品の精密切削加工 " + suffix,
                    "5軸マシニングでチタン部品の精密切削加工を請け負います。試作から量産まで対応します。", "metal-processing");
            buyer.signIn(actors.email(MEMBER_B), actors.password(MEMBER_B));
            MatchingJourneyIT.publish(buyer, "TECHNOLOGY_REQUEST", "チタン部品の切削加工をお願いしたい " + suffix,
                    "装置のチタン部品を切削加工してくれる協力工場を探しています。小ロットで構いません。", "machinery");
            MatchingJourneyIT.awaitProposal(buyer, suffix);
            String message = "コーディネートの確認 " + suffix;
            var card = buyer.page().locator("article.proposal").filter(
                    new Locator.FilterOptions().setHasText("精密切削加工 " + suffix)).first();
            card.locator("textarea[name=message]").fill(message);
            card.locator("button[type=submit]").click();
            buyer.page().waitForURL(Pattern.compile(".*/matching/interests/sent.*"), SLOW_PAGE);
            supplier.open("/matching/interests/received");
            supplier.page().locator("article.interest").filter(new Locator.FilterOptions().setHasText(message))
                    .locator("form[action$='/accept'] button[type=submit]").first().click();
            supplier.page().waitForURL(Pattern.compile(".*/matching/interests/[^/]+\\?done=accepted$"), SLOW_PAGE);
            String matchPage = supplier.page().url().replaceAll("\\?.*$", "").replace(platform.gatewayUrl(), "");

            // the case opens from the match-agreed event and is assigned at once to the coordinator on the roster
            String casePath = awaitCaseOnTheMatch(supplier, matchPage);
            supplier.accessible("agreed match with its case").screenshot("coordination-match-assigned");
            assertThat(supplier.page().locator("section.coordination")).containsText(COORDINATOR_NAME);
            assertThat(supplier.page().locator("section.coordination")).containsText("受諾待ち");

            // the coordinator finds it in their cases, with its due date, and works it to an agreement
            coordinator.signIn(actors.email(COORDINATOR), actors.password(COORDINATOR));
            // told in the portal too (identity mails the same): the assignment in their inbox, linking to the case
            await("the coordinator's notification of " + casePath).atMost(CASE_WAIT).pollInterval(Duration.ofSeconds(2))
                    .until(() -> {
                        coordinator.open("/coordination/cases");
                        return coordinator.page().locator("ul.inbox a[href='" + casePath + "']").count() > 0;
                    });
            assertThat(coordinator.page().locator("ul.inbox")).containsText("新しい案件が割り当てられました");
            coordinator.accessible("my cases").screenshot("coordination-my-cases");
            assertThat(coordinator.page().locator("table a[href='" + casePath + "']")).isVisible();
            coordinator.open(casePath);
            coordinator.accessible("case awaiting acceptance").screenshot("coordination-case-assigned");
            Page page = coordinator.page();
            assertThat(page.locator("main")).containsText("選ばれた理由");
            assertThat(page.locator("main")).containsText("受諾期限");
            act(coordinator, page.locator("form.accept button[type=submit]"), "受諾しました");
            coordinator.accessible("case accepted");

            page.locator("form.move select#stage").selectOption("FIRST_CONTACT");
            act(coordinator, page.locator("form.move button[type=submit]"), "段階を記録しました");
            page.locator("form.move select#stage").selectOption("NEGOTIATING");
            act(coordinator, page.locator("form.move button[type=submit]"), "段階を記録しました");
            // forward only: nothing before the current stage is offered any more, and each stage has its time
            assertThat(page.locator("form.move")).hasCount(0);
            assertThat(page.locator("ol.stages li.current")).containsText("交渉中");
            assertThat(page.locator("ol.stages")).not().containsText("まだ");

            page.locator("form.note textarea#text").fill("両社の技術担当者の面談を設定しました。");
            act(coordinator, page.locator("form.note button[type=submit]"), "メモを追加しました");
            assertThat(page.locator("ol.notes")).containsText("両社の技術担当者の面談を設定しました。");
            coordinator.accessible("case negotiating with a note").screenshot("coordination-case-negotiating");

            page.locator("form.close select#outcome").selectOption("AGREEMENT_REACHED");
            page.locator("form.close textarea#reason").fill("試作加工の発注で合意しました。");
            act(coordinator, page.locator("form.close button[type=submit]"), "案件を終了しました");
            assertThat(page.locator("dd.outcome")).containsText("合意に至った");
            assertThat(page.locator("form.close")).hasCount(0);
            coordinator.accessible("closed case").screenshot("coordination-case-closed");

            // both members see the outcome on their match: the case's, and the one business matching recorded
            for (PortalVisit member : java.util.List.of(supplier, buyer)) {
                awaitOutcomeOnTheMatch(member, matchPage);
                member.accessible("agreed match with its outcome");
            }
            supplier.screenshot("coordination-match-closed");
            buyer.open("/coordination/cases");
            assertThat(buyer.page().locator("table a[href='" + casePath + "']")).isVisible();
            buyer.accessible("a member's cases");
            buyer.open(casePath);
            assertThat(buyer.page().locator("main")).containsText("合意に至った");
            assertThat(buyer.page().locator("main form[method=post]")).hasCount(0);
            buyer.accessible("a member's case");
        }

        // the Kanto regional body sees its bureau's coordination, and the case
        for (boolean english : java.util.List.of(false, true)) {
            try (PortalVisit region = english ? PortalVisit.english(chromium, platform.gatewayUrl())
                    : PortalVisit.japanese(chromium, platform.gatewayUrl())) {
                region.signIn(actors.email(REGIONAL_BODY_KANTO), actors.password(REGIONAL_BODY_KANTO));
                region.open("/regional/coordination");
                assertThat(region.page().locator("main")).containsText(COORDINATOR_NAME);
                region.accessible("the bureau's coordination").screenshot("coordination-bureau");
            }
        }
    }

    /** The administrator's roster page: adds the coordinator's account for Kanto, or (already there) keeps it on. */
    private static void putOnTheRoster(PortalVisit admin, String coordinatorEmail) {
        admin.open("/admin/coordinators");
        admin.accessible("roster").screenshot("coordination-roster");
        Page page = admin.page();
        Locator account = page.locator("select#subject option").filter(new Locator.FilterOptions().setHasText(coordinatorEmail));
        if (account.count() > 0) {
            page.locator("select#subject").selectOption(account.first().getAttribute("value"));
            page.locator("#name").fill(COORDINATOR_NAME);
        } else {
            // another test put the account on the roster already: the journey edits that entry
            page.locator("table a").filter(new Locator.FilterOptions().setHasText(COORDINATOR_NAME)).first().click();
            page.waitForURL(Pattern.compile(".*/admin/coordinators/[^/?]+$"), SLOW_PAGE);
            if (page.locator("form.reactivate").count() > 0) {
                page.locator("form.reactivate button[type=submit]").click();
                page.waitForURL(Pattern.compile(".*\\?done=reactivated$"), SLOW_PAGE);
            }
        }
        page.locator("input[name=bureaus][value=kanto]").check();
        page.locator("input[name=technologyFields][value=metal-processing]").check();
        page.locator("input[name=technologyFields][value=machinery]").check();
        page.locator("#capacity").fill("100");
        page.locator("#availability-ACTIVE").check();
        page.locator("form.stacked button[type=submit].primary").click();
        page.waitForURL(Pattern.compile(".*/admin/coordinators.*\\?(added=true|done=saved)$"), SLOW_PAGE);
        assertThat(page.locator("[role=status]").first()).isVisible(VISIBLE_SOON);
        admin.accessible("roster after adding");
        if (page.url().contains("added=true")) {
            page.locator("table a").filter(new Locator.FilterOptions().setHasText(COORDINATOR_NAME)).first().click();
            page.waitForURL(Pattern.compile(".*/admin/coordinators/[^/?]+$"), SLOW_PAGE);
        }
        assertThat(page.locator("input[name=bureaus][value=kanto]")).isChecked();
        admin.accessible("roster entry").screenshot("coordination-roster-entry");
    }

    /** Submits a form of the case page and waits for the page it leads to, with its message. */
    private static void act(PortalVisit visit, Locator button, String done) {
        button.click();
        visit.page().waitForURL(Pattern.compile(".*/coordination/cases/[^/?]+\\?done=.*"), SLOW_PAGE);
        assertThat(visit.page().locator("[role=status]").first()).containsText(done);
    }

    /** The case opens from the match-agreed event on Kafka: reload the match until its case is linked. */
    private static String awaitCaseOnTheMatch(PortalVisit member, String matchPage) {
        await("the case of " + matchPage).atMost(CASE_WAIT).pollInterval(Duration.ofSeconds(2)).until(() -> {
            member.open(matchPage);
            return member.page().locator("section.coordination a[href^='/coordination/cases/']").count() > 0;
        });
        return member.page().locator("section.coordination a[href^='/coordination/cases/']").first().getAttribute("href");
    }

    /** Business matching records the outcome from the case-closed event: reload the match until it is there. */
    private static void awaitOutcomeOnTheMatch(PortalVisit member, String matchPage) {
        await("the outcome on " + matchPage).atMost(CASE_WAIT).pollInterval(Duration.ofSeconds(2)).until(() -> {
            member.open(matchPage);
            return member.page().locator("section.coordination").innerText().contains("合意に至った")
                    && member.page().locator("#exchange-heading ~ dl.facts").innerText().contains("合意に至った");
        });
    }
}
