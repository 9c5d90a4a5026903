package jp.iinj.endtoend.portal;

import static jp.iinj.endtoend.support.Actor.MEMBER_A;
import static jp.iinj.endtoend.support.Actor.MEMBER_B;
import static jp.iinj.endtoend.support.Actor.REGIONAL_BODY_OTHER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.microsoft.playwright.Response;

import jp.iinj.endtoend.support.Actor;
import jp.iinj.endtoend.support.Actors;
import jp.iinj.endtoend.support.EndToEndTest;
import jp.iinj.endtoend.support.RunningPlatform;
import jp.iinj.testing.chromium.HeadlessChromium;
import jp.iinj.testing.chromium.RequiresChromium;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The portal in a real browser (the system's Chromium, headless), end to end on the real platform: the journeys of
 * issue 13, each page checked with axe-core as it is reached, screenshots of the main pages in both languages under
 * {@code target/screenshots}.
 */
@EndToEndTest
@RequiresChromium
class PortalJourneysIT {

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

    /** Journey 4: the authorization matrix holds in the browser too. */
    @Test
    void anotherMemberAndARegionalBodyOfAnotherBureauGetANotFoundPageForTheOrganisation(Actors actors, RunningPlatform platform) {
        String organisationA = actors.organisationA();
        try (PortalVisit owner = PortalVisit.japanese(chromium, platform.gatewayUrl())) {
            owner.signIn(actors.email(MEMBER_A), actors.password(MEMBER_A));
            Response answer = owner.open("/organisations/" + organisationA);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(owner.heading()).isEqualTo(Actors.ORGANISATION_A_NAME);
            owner.accessible("organisation").screenshot("organisation");
        }
        for (Actor stranger : List.of(MEMBER_B, REGIONAL_BODY_OTHER)) {
            try (PortalVisit visit = PortalVisit.japanese(chromium, platform.gatewayUrl())) {
                visit.signIn(actors.email(stranger), actors.password(stranger));
                Response answer = visit.open("/organisations/" + organisationA);
                assertThat(answer.status()).as(stranger.name()).isEqualTo(404);
                assertThat(visit.heading()).as(stranger.name()).isEqualTo("ページが見つかりません");
                assertThat(visit.page().content()).as(stranger.name()).doesNotContain(Actors.ORGANISATION_A_NAME);
                visit.accessible("not found as " + stranger.name());
            }
        }
    }

    /** The landing page, in both languages and on a phone. */
    @Test
    void theLandingPageSpeaksToEachKindOfUserInBothLanguagesAndOnAPhone(RunningPlatform platform) {
        try (PortalVisit visit = PortalVisit.japanese(chromium, platform.gatewayUrl())) {
            assertThat(visit.open("/").status()).isEqualTo(200);
            assertThat(visit.page().content()).contains("会員組織の方へ", "コーディネーターの方へ", "地域の機関の方へ");
            visit.accessible("landing").screenshot("landing");
        }
        try (PortalVisit visit = PortalVisit.english(chromium, platform.gatewayUrl())) {
            assertThat(visit.page().content()).contains("For member organisations", "For coordinators", "For regional bodies");
            visit.accessible("landing").screenshot("landing");
            // remembered: the next page is English too
            visit.open("/sign-in/iinj");
            assertThat(visit.page().locator("html").getAttribute("lang")).isEqualTo("en");
        }
        try (PortalVisit visit = PortalVisit.onPhone(chromium, platform.gatewayUrl())) {
            visit.open("/");
            // nothing wider than the phone's screen
            Object overflow = visit.page().evaluate("document.documentElement.scrollWidth > window.innerWidth");
            assertThat(overflow).isEqualTo(false);
            visit.accessible("landing on a phone").screenshot("landing-phone");
        }
    }
}
