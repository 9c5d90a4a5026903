package jp.iinj.endtoend.portal;

import static jp.iinj.endtoend.support.Actor.MEMBER_A;
import static jp.iinj.endtoend.support.Actor.MEMBER_B;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static jp.iinj.endtoend.support.Actor.REGIONAL_BODY_KANTO;
import static jp.iinj.endtoend.support.Actor.REGIONAL_BODY_OTHER;
import static org.awaitility.Awaitility.await;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import jp.iinj.endtoend.support.Actor;
import jp.iinj.endtoend.support.Actors;
import jp.iinj.endtoend.support.CorporateNumbers;
import jp.iinj.endtoend.support.EndToEndTest;
import jp.iinj.endtoend.support.RunningPlatform;
import jp.iinj.testing.chromium.HeadlessChromium;
import jp.iinj.testing.chromium.RequiresChromium;

import org.junit.jupiter.api.Test;

/**
 * The portal in a real browser (the system's Chromium, headless), end to end on the real platform: the journeys of
 * issue 13, each page checked with axe-core as it is reached, screenshots of the main pages in both languages under
 * {@code target/screenshots}.
 */
@EndToEndTest
@RequiresChromium
class PortalJourneysIT {

    /**
     * Journey 1: a new organisation registers through the form, the Kanto regional body approves it, the owner opens
     * the mailed link, sets a password, signs in and sees the organisation as active.
     */
    @Test
    void registerGetApprovedSetThePasswordFromTheMailSignInAndSeeTheOrganisationActive(Actors actors, RunningPlatform platform,
            HeadlessChromium chromium) {
        String suffix = Long.toString(System.nanoTime(), 36);
        String legalName = "E2E ブラウザ精機株式会社 " + suffix;
        String ownerEmail = "browser-owner-" + suffix + "@e2e.example.jp";
        try (PortalVisit visitor = PortalVisit.japanese(chromium, platform.gatewayUrl())) {
            visitor.open("/");
            visitor.page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("会員登録を始める")).click();
            visitor.page().waitForURL(Pattern.compile(".*/register$"));
            visitor.accessible("registration form").screenshot("registration");
            Page form = visitor.page();
            form.locator("#legalName").fill(legalName);
            form.locator("#organisationType").selectOption("SME");
            // the check digit is checked as it is typed
            form.locator("#corporateNumber").fill("8123456789012");
            assertThat(form.locator("#corporateNumber-check")).containsText("チェックデジット");
            form.locator("#corporateNumber").fill(CorporateNumbers.random());
            assertThat(form.locator("#corporateNumber-check")).containsText("正しい形式");
            // choosing the prefecture shows its bureau
            form.locator("#prefectureCode").selectOption("13");
            assertThat(form.locator("#prefectureCode-bureau")).containsText("関東経済産業局");
            form.locator("input[name=technologyFields]").first().check();
            form.locator("#ownerDisplayName").fill("E2E ブラウザ 太郎");
            form.locator("#ownerEmail").fill(ownerEmail);
            visitor.accessible("registration form, filled in");
            form.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登録を申請する")).click();
            form.waitForURL(Pattern.compile(".*/register/done.*"));
            assertThat(form.locator("[role=status]")).containsText("承認待ち");
            assertThat(form.locator("main")).containsText("関東経済産業局が登録の内容を確認します");
            visitor.accessible("registration received").screenshot("registration-done");
        }

        try (PortalVisit kanto = PortalVisit.japanese(chromium, platform.gatewayUrl())) {
            kanto.signIn(actors.email(REGIONAL_BODY_KANTO), actors.password(REGIONAL_BODY_KANTO));
            kanto.page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("承認待ちの申請")).first().click();
            kanto.page().waitForURL(Pattern.compile(".*/regional/applications$"));
            kanto.accessible("applications to approve").screenshot("applications");
            kanto.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(legalName + " を承認する")).click();
            assertThat(kanto.page().locator("[role=status]")).containsText("承認しました");
            assertThat(kanto.page().locator("main")).not().containsText(legalName);
        }

        String mail = awaitMailWith(actors, ownerEmail, "/account/password?token=");
        String link = firstLink(mail, "/account/password?token=");
        try (PortalVisit owner = PortalVisit.japanese(chromium, platform.gatewayUrl())) {
            owner.page().navigate(link);
            assertThat(owner.page().locator("h1")).hasText("パスワードの設定");
            assertThat(owner.page().locator("#password-rules")).containsText("12 文字以上");
            owner.accessible("set your password").screenshot("set-password");
            String password = Actors.newPassword();
            owner.page().locator("#password").fill(password);
            owner.page().locator("#passwordConfirmation").fill(password);
            owner.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("パスワードを設定する")).click();
            assertThat(owner.page().locator("[role=status]")).containsText("新しいパスワードでサインインできます");
            owner.signIn(ownerEmail, password);
            owner.page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("自組織")).first().click();
            assertThat(owner.page().locator("h1")).hasText(legalName);
            assertThat(owner.page().locator(".status")).hasText("有効");
            owner.accessible("the organisation, active").screenshot("organisation-active");
        }
    }

    /**
     * Journey 2: the owner invites a staff member, who accepts from the mail and signs in; the owner removes them, and
     * they no longer see the organisation.
     */
    @Test
    void theOwnerInvitesStaffWhoJoinsAndOnceRemovedNoLongerSeesTheOrganisation(Actors actors, RunningPlatform platform,
            HeadlessChromium chromium) {
        String organisationA = actors.organisationA();
        String suffix = Long.toString(System.nanoTime(), 36);
        String staffEmail = "browser-staff-" + suffix + "@e2e.example.jp";
        String staffName = "E2E 職員 " + suffix;
        try (PortalVisit owner = PortalVisit.japanese(chromium, platform.gatewayUrl());
             PortalVisit staff = PortalVisit.japanese(chromium, platform.gatewayUrl())) {
            owner.signIn(actors.email(MEMBER_A), actors.password(MEMBER_A));
            owner.open("/organisations/" + organisationA);
            owner.page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("職員の一覧と招待")).click();
            owner.accessible("people").screenshot("people");
            owner.page().locator("#email").fill(staffEmail);
            owner.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("招待を送る")).click();
            assertThat(owner.page().locator("[role=status]")).containsText("招待のメールを送りました");

            staff.page().navigate(firstLink(awaitMailWith(actors, staffEmail, "/account/invitation?token="), "/account/invitation?token="));
            assertThat(staff.page().locator("h1")).hasText("招待を受ける");
            staff.accessible("accept the invitation").screenshot("invitation");
            String password = Actors.newPassword();
            staff.page().locator("#displayName").fill(staffName);
            staff.page().locator("#password").fill(password);
            staff.page().locator("#passwordConfirmation").fill(password);
            staff.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("招待を受けて参加する")).click();
            assertThat(staff.page().locator("[role=status]")).containsText("組織の職員として登録されました");
            staff.signIn(staffEmail, password);
            staff.page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("自組織")).first().click();
            assertThat(staff.page().locator("h1")).hasText(Actors.ORGANISATION_A_NAME);

            owner.open("/organisations/" + organisationA + "/people");
            owner.page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(staffName + " を外す")).click();
            owner.accessible("remove a staff member").screenshot("remove-staff");
            owner.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("外す").setExact(true)).click();
            assertThat(owner.page().locator("[role=status]")).containsText("外しました");

            Response gone = staff.open("/organisations/" + organisationA);
            org.assertj.core.api.Assertions.assertThat(gone.status()).isEqualTo(404);
            assertThat(staff.page().locator("h1")).hasText("ページが見つかりません");
            staff.accessible("not found after removal");
        }
    }

    /** Journey 3: a regional body imports a Shift_JIS CSV with good and bad rows, watches it, reads the row errors. */
    @Test
    void aRegionalBodyImportsAShiftJisCsvAndReadsTheRowErrors(Actors actors, RunningPlatform platform,
            HeadlessChromium chromium) {
        String suffix = Long.toString(System.nanoTime(), 36);
        String csv = "corporate_number,legal_name,organisation_type,prefecture_code,owner_name,owner_email\r\n"
                + CorporateNumbers.random() + ",E2E 取込工業株式会社 " + suffix + ",SME,13,取込 花子,import-" + suffix + "@e2e.example.jp\r\n"
                + "8123456789012,E2E 番号誤り株式会社 " + suffix + ",SME,14,,\r\n"
                + CorporateNumbers.random() + ",E2E 大阪の会社 " + suffix + ",SME,27,,\r\n";
        try (PortalVisit kanto = PortalVisit.japanese(chromium, platform.gatewayUrl())) {
            kanto.signIn(actors.email(REGIONAL_BODY_KANTO), actors.password(REGIONAL_BODY_KANTO));
            kanto.open("/regional/imports");
            kanto.accessible("import form").screenshot("import");
            kanto.page().locator("#file").setInputFiles(new FilePayload("会員名簿.csv", "text/csv",
                    csv.getBytes(Charset.forName("Shift_JIS"))));
            kanto.page().getByLabel("Shift_JIS（Excel で保存した日本語の CSV）").check();
            kanto.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("取り込みを始める")).click();
            kanto.page().waitForURL(Pattern.compile(".*/regional/imports/[^/]+$"));
            // the page follows the import by itself until it is done
            assertThat(kanto.page().locator("#progress-heading")).hasText("取り込みが終わりました",
                    new LocatorAssertions.HasTextOptions().setTimeout(60_000));
            assertThat(kanto.page().locator("#progress [role=status]")).containsText("3 行を読み込み: 登録 1 件、登録済み 0 件、エラー 2 件");
            assertThat(kanto.page().locator("table tbody tr")).hasCount(2);
            assertThat(kanto.page().locator("table")).containsText("corporate_number");
            assertThat(kanto.page().locator("table")).containsText("prefecture_code");
            kanto.accessible("import done, with row errors").screenshot("import-done");
        }
    }

    /** Journey 4: the authorization matrix holds in the browser too. */
    @Test
    void anotherMemberAndARegionalBodyOfAnotherBureauGetANotFoundPageForTheOrganisation(Actors actors, RunningPlatform platform,
            HeadlessChromium chromium) {
        String organisationA = actors.organisationA();
        try (PortalVisit owner = PortalVisit.japanese(chromium, platform.gatewayUrl())) {
            owner.signIn(actors.email(MEMBER_A), actors.password(MEMBER_A));
            Response answer = owner.open("/organisations/" + organisationA);
            org.assertj.core.api.Assertions.assertThat(answer.status()).isEqualTo(200);
            org.assertj.core.api.Assertions.assertThat(owner.heading()).isEqualTo(Actors.ORGANISATION_A_NAME);
            owner.accessible("organisation").screenshot("organisation");
        }
        for (Actor stranger : List.of(MEMBER_B, REGIONAL_BODY_OTHER)) {
            try (PortalVisit visit = PortalVisit.japanese(chromium, platform.gatewayUrl())) {
                visit.signIn(actors.email(stranger), actors.password(stranger));
                Response answer = visit.open("/organisations/" + organisationA);
                org.assertj.core.api.Assertions.assertThat(answer.status()).as(stranger.name()).isEqualTo(404);
                org.assertj.core.api.Assertions.assertThat(visit.heading()).as(stranger.name()).isEqualTo("ページが見つかりません");
                org.assertj.core.api.Assertions.assertThat(visit.page().content()).as(stranger.name()).doesNotContain(Actors.ORGANISATION_A_NAME);
                visit.accessible("not found as " + stranger.name());
            }
        }
    }

    /**
     * Every main page, in Japanese and in English, as the person it is for sees it: checked with axe-core and saved
     * as a screenshot ({@code target/screenshots/<page>-<language>.png}).
     */
    @Test
    void everyMainPageInBothLanguagesIsAccessibleAndPhotographed(Actors actors, RunningPlatform platform,
            HeadlessChromium chromium) {
        String organisationA = actors.organisationA();
        java.util.Map<Actor, List<String>> pages = new java.util.LinkedHashMap<>();
        pages.put(MEMBER_A, List.of("/organisations/" + organisationA, "/organisations/" + organisationA + "/profile",
                "/organisations/" + organisationA + "/people", "/organisations/" + organisationA + "/membership"));
        pages.put(REGIONAL_BODY_KANTO, List.of("/regional/applications", "/regional/members", "/regional/members/" + organisationA,
                "/regional/imports"));
        pages.put(jp.iinj.endtoend.support.Actor.ADMIN, List.of("/admin/accounts", "/admin/clusters"));
        for (boolean english : List.of(false, true)) {
            try (PortalVisit visitor = english ? PortalVisit.english(chromium, platform.gatewayUrl())
                    : PortalVisit.japanese(chromium, platform.gatewayUrl())) {
                for (String path : List.of("/", "/register", "/account/reset", "/account/password?token=any", "/sign-in/iinj")) {
                    visitor.open(path);
                    visitor.accessible(path).screenshot(screenshotName(path));
                }
            }
            for (var person : pages.entrySet()) {
                try (PortalVisit visit = english ? PortalVisit.english(chromium, platform.gatewayUrl())
                        : PortalVisit.japanese(chromium, platform.gatewayUrl())) {
                    visit.signIn(actors.email(person.getKey()), actors.password(person.getKey()));
                    for (String path : person.getValue()) {
                        Response answer = visit.open(path);
                        org.assertj.core.api.Assertions.assertThat(answer.status()).as(person.getKey() + " " + path).isEqualTo(200);
                        visit.accessible(path).screenshot(screenshotName(path.replace(organisationA, "A")));
                    }
                }
            }
        }
    }

    private static String screenshotName(String path) {
        String name = path.replaceAll("\\?.*$", "").replaceAll("^/|/$", "").replace('/', '-');
        return "page-" + (name.isEmpty() ? "landing" : name);
    }

    /** The language a person chooses follows them: signed in on another browser, the portal is in their language. */
    @Test
    void thePersonsLanguageFollowsThemToAnotherBrowser(Actors actors, RunningPlatform platform,
            HeadlessChromium chromium) {
        try (PortalVisit first = PortalVisit.japanese(chromium, platform.gatewayUrl())) {
            first.signIn(actors.email(MEMBER_B), actors.password(MEMBER_B));
            first.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
            first.page().waitForSelector("html[lang=en]");
        }
        try (PortalVisit elsewhere = PortalVisit.japanese(chromium, platform.gatewayUrl())) {
            elsewhere.open("/");
            org.assertj.core.api.Assertions.assertThat(elsewhere.page().locator("html").getAttribute("lang")).isEqualTo("ja");
            elsewhere.signIn(actors.email(MEMBER_B), actors.password(MEMBER_B));
            org.assertj.core.api.Assertions.assertThat(elsewhere.page().locator("html").getAttribute("lang")).isEqualTo("en");
            // and back to Japanese for whoever signs in as them next
            elsewhere.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("日本語")).click();
            elsewhere.page().waitForSelector("html[lang=ja]");
        }
    }

    /** The landing page, in both languages and on a phone. */
    @Test
    void theLandingPageSpeaksToEachKindOfUserInBothLanguagesAndOnAPhone(RunningPlatform platform,
            HeadlessChromium chromium) {
        try (PortalVisit visit = PortalVisit.japanese(chromium, platform.gatewayUrl())) {
            org.assertj.core.api.Assertions.assertThat(visit.open("/").status()).isEqualTo(200);
            org.assertj.core.api.Assertions.assertThat(visit.page().content()).contains("会員組織の方へ", "コーディネーターの方へ", "地域の機関の方へ");
            visit.accessible("landing").screenshot("landing");
        }
        try (PortalVisit visit = PortalVisit.english(chromium, platform.gatewayUrl())) {
            org.assertj.core.api.Assertions.assertThat(visit.page().content()).contains("For member organisations", "For coordinators", "For regional bodies");
            visit.accessible("landing").screenshot("landing");
            // remembered: the next page is English too
            visit.open("/sign-in/iinj");
            org.assertj.core.api.Assertions.assertThat(visit.page().locator("html").getAttribute("lang")).isEqualTo("en");
        }
        try (PortalVisit visit = PortalVisit.onPhone(chromium, platform.gatewayUrl())) {
            visit.open("/");
            // nothing wider than the phone's screen
            Object overflow = visit.page().evaluate("document.documentElement.scrollWidth > window.innerWidth");
            org.assertj.core.api.Assertions.assertThat(overflow).isEqualTo(false);
            visit.accessible("landing on a phone").screenshot("landing-phone");
        }
    }

    private static String awaitMailWith(Actors actors, String email, String linkPath) {
        return await("a mail to " + email + " with " + linkPath).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> actors.mailBox().messagesTo(email).stream().filter(mail -> mail.contains(linkPath)).findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    /** The first link in the mail to this path of the portal, exactly as the mail gives it. */
    private static String firstLink(String mail, String linkPath) {
        Matcher link = Pattern.compile("https?://\\S+" + Pattern.quote(linkPath) + "\\S+").matcher(mail);
        if (!link.find()) {
            throw new AssertionError("no link to " + linkPath + " in:\n" + mail);
        }
        return link.group();
    }
}
