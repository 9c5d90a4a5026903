package jp.iinj.endtoend.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import jp.iinj.endtoend.support.Actors;
import jp.iinj.endtoend.support.RunningPlatform;
import jp.iinj.testing.chromium.HeadlessChromium;
import jp.iinj.testing.chromium.RequiresChromium;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Journey 5: on a fresh data directory with no administrator, the launcher's banner prints a one-time set-up link;
 * the first administrator opens it, chooses an e-mail and a password, and signs in as administrator. A platform of
 * its own (the shared one has its administrator from the environment), stopped at the end.
 */
@Tag("end-to-end")
@RequiresChromium
class FirstAdministratorJourneyIT {

    @Test
    void theBannersLinkSetsUpTheFirstAdministratorOnce() {
        try (RunningPlatform fresh = RunningPlatform.startWithoutAdministrator();
             HeadlessChromium chromium = HeadlessChromium.start()) {
            String link = fresh.firstAdministratorSetupLink()
                    .orElseThrow(() -> new AssertionError("the banner printed no set-up link")).toString();
            org.assertj.core.api.Assertions.assertThat(link).startsWith(fresh.gatewayUrl() + "/setup?token=");
            String email = "first-admin@e2e.example.jp";
            String password = Actors.newPassword();
            try (PortalVisit admin = PortalVisit.japanese(chromium, fresh.gatewayUrl())) {
                admin.page().navigate(link);
                assertThat(admin.page().locator("h1")).hasText("最初の管理者の設定");
                admin.accessible("first administrator").screenshot("first-administrator");
                admin.page().locator("#email").fill(email);
                admin.page().locator("#displayName").fill("最初の管理者");
                admin.page().locator("#password").fill(password);
                admin.page().locator("#passwordConfirmation").fill(password);
                admin.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("管理者を作成する")).click();
                assertThat(admin.page().locator("[role=status]")).containsText(email);
                admin.signIn(email, password);
                assertThat(admin.page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("クラスター")).first()).isVisible();

                // single use: the same link again says so
                admin.page().navigate(link);
                assertThat(admin.page().locator("h1")).hasText("この設定リンクは使えません");
                admin.accessible("used set-up link");
            }
        }
    }
}
