package jp.iinj.testing.chromium;

import java.nio.file.Path;

import com.microsoft.playwright.Page;

/**
 * Full-page screenshots kept as test artifacts: {@code target/screenshots/<name>.png} of the module under test
 * (another directory with {@code -Diinj.screenshots.dir=...}).
 */
public final class Screenshots {

    private Screenshots() {
    }

    public static Path directory() {
        return Path.of(System.getProperty("iinj.screenshots.dir", "target/screenshots"));
    }

    public static Path save(Page page, String name) {
        Path file = directory().resolve(name.replaceAll("[^A-Za-z0-9._-]", "-") + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }
}
