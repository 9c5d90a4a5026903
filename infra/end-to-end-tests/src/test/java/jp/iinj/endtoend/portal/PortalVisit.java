package jp.iinj.endtoend.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

import jp.iinj.testing.chromium.AccessibilityCheck;
import jp.iinj.testing.chromium.HeadlessChromium;
import jp.iinj.testing.chromium.Screenshots;

/**
 * One person's visit to the portal in its own browser context (cookies of its own): opens pages through the front
 * door, checks each page it lands on with axe-core (no serious or critical violation) and can save screenshots.
 */
final class PortalVisit implements AutoCloseable {

    private final BrowserContext context;
    private final Page page;
    private final String gatewayUrl;
    private final String language;

    private PortalVisit(BrowserContext context, String gatewayUrl, String language) {
        this.context = context;
        this.page = context.newPage();
        this.gatewayUrl = gatewayUrl;
        this.language = language;
    }

    static PortalVisit japanese(HeadlessChromium chromium, String gatewayUrl) {
        return new PortalVisit(chromium.newContext(Locale.JAPANESE), gatewayUrl, "ja");
    }

    static PortalVisit english(HeadlessChromium chromium, String gatewayUrl) {
        PortalVisit visit = new PortalVisit(chromium.newContext(Locale.ENGLISH), gatewayUrl, "en");
        visit.open("/");
        visit.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
        visit.page.waitForSelector("html[lang=en]");
        return visit;
    }

    static PortalVisit onPhone(HeadlessChromium chromium, String gatewayUrl) {
        return new PortalVisit(chromium.newPhoneContext(Locale.JAPANESE), gatewayUrl, "ja");
    }

    Page page() {
        return page;
    }

    String url(String path) {
        return gatewayUrl + path;
    }

    /** Opens a path of the front door; returns the answer of the page's own request. */
    Response open(String path) {
        Response response = page.navigate(url(path));
        page.waitForLoadState();
        return response;
    }

    /** axe-core on the page as it is now; the name says which page in the failure. */
    PortalVisit accessible(String name) {
        AccessibilityCheck.assertNoSeriousViolations(page, name + " (" + language + ")");
        return this;
    }

    /** A full-page screenshot under target/screenshots, named with the language. */
    PortalVisit screenshot(String name) {
        Screenshots.save(page, name + "-" + language);
        return this;
    }

    /** Signs in at identity's sign-in page (the portal sends the browser there) and comes back signed in. */
    PortalVisit signIn(String email, String password) {
        open("/sign-in/iinj");
        page.waitForURL(Pattern.compile(".*/login.*"));
        accessible("identity's sign-in page");
        page.locator("#username").fill(email);
        page.locator("#password").fill(password);
        page.locator("form[action='/login'] button[type=submit]").click();
        page.waitForURL(Pattern.compile(Pattern.quote(gatewayUrl) + "/(\\?.*)?$"));
        assertThat(page.locator("form[action='/sign-out']").count()).as("signed in: " + page.url()).isEqualTo(1);
        return this;
    }

    PortalVisit signOut() {
        page.locator("form[action='/sign-out'] button[type=submit]").click();
        page.waitForURL(Pattern.compile(Pattern.quote(gatewayUrl) + "/.*"));
        return this;
    }

    String heading() {
        return page.locator("h1").first().innerText();
    }

    @Override
    public void close() {
        context.close();
    }
}
