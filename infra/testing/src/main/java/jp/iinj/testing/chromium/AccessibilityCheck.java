package jp.iinj.testing.chromium;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;

/**
 * axe-core (the WebJar's {@code axe.min.js}) run in the page as it is now, with the WCAG 2 A and AA rules: any
 * violation of impact "serious" or "critical" fails, each listed with its rule, what it means and where.
 */
public final class AccessibilityCheck {

    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    private static final String RUN = """
            async () => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => ({ id: v.id, impact: v.impact, help: v.help,
                             targets: v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(', ') }));
            }
            """;
    private static String script;

    private AccessibilityCheck() {
    }

    /** The serious and critical violations of the page, as "id (impact): help, at targets". */
    public static List<String> seriousViolations(Page page) {
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof axe !== 'undefined'"))) {
            // evaluated through the DevTools protocol, not as a <script>: the page's Content-Security-Policy (no
            // inline scripts) stays in force for the page itself
            page.evaluate("() => {\n" + axe() + "\n}");
        }
        Object result = page.evaluate(RUN);
        List<String> violations = new ArrayList<>();
        if (result instanceof List<?> list) {
            for (Object item : list) {
                Map<?, ?> violation = (Map<?, ?>) item;
                violations.add(violation.get("id") + " (" + violation.get("impact") + "): " + violation.get("help")
                        + ", at " + violation.get("targets"));
            }
        }
        return violations;
    }

    public static void assertNoSeriousViolations(Page page, String pageName) {
        List<String> violations = seriousViolations(page);
        if (!violations.isEmpty()) {
            throw new AssertionError("axe-core found serious or critical accessibility violations on " + pageName
                    + " (" + page.url() + "):\n  " + String.join("\n  ", violations));
        }
    }

    private static synchronized String axe() {
        if (script == null) {
            try (InputStream in = AccessibilityCheck.class.getClassLoader().getResourceAsStream(AXE)) {
                if (in == null) {
                    throw new IllegalStateException(AXE + " is not on the classpath: add org.webjars.npm:axe-core (test scope)");
                }
                script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return script;
    }
}
