package jp.iinj.testing.chromium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The browser kit itself: axe-core finds what it should, screenshots are written, a phone is a phone. */
@RequiresChromium
class HeadlessChromiumIT {

    private static HeadlessChromium chromium;

    @BeforeAll
    static void start() {
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    static void stop() {
        chromium.close();
    }

    @Test
    void aPageWithAnUnlabelledFieldAndAnImageWithoutTextFails() {
        try (BrowserContext context = chromium.newContext(Locale.JAPANESE)) {
            Page page = context.newPage();
            page.setContent("<!DOCTYPE html><html lang=\"ja\"><head><title>t</title></head><body><main><h1>見出し</h1>"
                    + "<form><input type=\"text\" name=\"x\"></form><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\">"
                    + "</main></body></html>");
            assertThat(AccessibilityCheck.seriousViolations(page)).anySatisfy(v -> assertThat(v).startsWith("label"))
                    .anySatisfy(v -> assertThat(v).startsWith("image-alt"));
            assertThatThrownBy(() -> AccessibilityCheck.assertNoSeriousViolations(page, "the broken page"))
                    .hasMessageContaining("the broken page").hasMessageContaining("label");
        }
    }

    @Test
    void aCleanPagePassesAndItsScreenshotIsWritten() throws Exception {
        try (BrowserContext context = chromium.newContext(Locale.JAPANESE)) {
            Page page = context.newPage();
            page.setContent("<!DOCTYPE html><html lang=\"ja\"><head><title>会員登録</title></head><body><main>"
                    + "<h1>会員登録</h1><form><label for=\"n\">名称</label><input id=\"n\" name=\"n\">"
                    + "<button type=\"submit\">送信</button></form></main></body></html>");
            AccessibilityCheck.assertNoSeriousViolations(page, "the clean page");
            Path file = Screenshots.save(page, "kit self-test");
            assertThat(file.getFileName().toString()).isEqualTo("kit-self-test.png");
            assertThat(Files.size(file)).isGreaterThan(1000);
        }
    }

    @Test
    void aPhoneHasAPhonesScreen() {
        try (BrowserContext context = chromium.newPhoneContext(Locale.ENGLISH)) {
            Page page = context.newPage();
            // a page made for phones says so (the portal's layout does); without it a phone lays out 980 px
            page.setContent("<html><head><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head><body></body></html>");
            assertThat(page.evaluate("window.innerWidth")).isEqualTo(390);
            assertThat(page.evaluate("navigator.language")).isEqualTo("en");
        }
    }
}
