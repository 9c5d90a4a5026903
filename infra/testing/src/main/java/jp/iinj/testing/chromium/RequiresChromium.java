package jp.iinj.testing.chromium;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that drives Chromium. Without Chromium it is skipped with a message saying how to install it, except
 * in CI ({@code CI=true}), where a missing Chromium fails the class: {@code .ci/run} always installs it, so a skip
 * there would hide that the browser tests did not run. A test method's {@link HeadlessChromium} parameter is the
 * class's browser, started at first use and closed after the class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({ChromiumCondition.class, ChromiumPerClass.class})
public @interface RequiresChromium {

    String MISSING = "Chromium not found (looked at iinj.chromium.path, IINJ_CHROMIUM_PATH, /usr/bin/chromium and the PATH);"
            + " install it with: apt-get install -y chromium. CI always installs it (.ci/run).";
}
