package jp.iinj.testing.chromium;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** {@link RequiresChromium}'s rule: skip without Chromium, fail in CI. */
final class ChromiumCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (HeadlessChromium.available()) {
            return ConditionEvaluationResult.enabled("Chromium at " + HeadlessChromium.executable().orElseThrow());
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true and " + RequiresChromium.MISSING);
        }
        return ConditionEvaluationResult.disabled(RequiresChromium.MISSING);
    }
}
