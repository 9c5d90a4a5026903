package jp.iinj.testing.chromium;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * The system's Chromium, headless, driven by Playwright for Java without downloading a browser of its own. One per
 * test class ({@link #start()} in {@code @BeforeAll}); each person of a test gets a {@link BrowserContext} of their own
 * (own cookies). Which Chromium: {@code iinj.chromium.path}, else {@code IINJ_CHROMIUM_PATH}, else
 * {@code /usr/bin/chromium} or {@code chromium} on the {@code PATH}. Tests that need it carry {@link RequiresChromium}.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final List<String> ARGUMENTS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage");

    private final Playwright playwright;
    private final Browser browser;

    private HeadlessChromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** Where Chromium is, if it is anywhere this kit looks. */
    public static Optional<Path> executable() {
        String configured = Optional.ofNullable(System.getProperty("iinj.chromium.path"))
                .orElse(System.getenv("IINJ_CHROMIUM_PATH"));
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        Stream<Path> onPath = Stream.of(Optional.ofNullable(System.getenv("PATH")).orElse("").split(java.io.File.pathSeparator))
                .filter(directory -> !directory.isBlank())
                .flatMap(directory -> Stream.of(Path.of(directory, "chromium"), Path.of(directory, "chromium-browser")));
        return Stream.concat(Stream.of(Path.of("/usr/bin/chromium")), onPath).filter(Files::isExecutable).findFirst();
    }

    public static boolean available() {
        return executable().isPresent();
    }

    public static HeadlessChromium start() {
        Path chromium = executable().orElseThrow(() -> new IllegalStateException(RequiresChromium.MISSING));
        // without the skip, Playwright tries to download browsers of its own (no internet here, and not needed)
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(chromium).setHeadless(true).setArgs(ARGUMENTS));
            return new HeadlessChromium(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A desktop-sized window (1280 × 900) whose browser prefers this language. */
    public BrowserContext newContext(Locale locale) {
        return browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 900).setLocale(locale.toLanguageTag()).setTimezoneId("Asia/Tokyo"));
    }

    /** A phone (390 × 844, touch), whose browser prefers this language. */
    public BrowserContext newPhoneContext(Locale locale) {
        return browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844).setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true)
                .setLocale(locale.toLanguageTag()).setTimezoneId("Asia/Tokyo"));
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
