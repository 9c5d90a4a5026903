package jp.iinj.testing.infrastructure;

import java.util.Optional;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** The condition behind {@link RequiresRealMongoDb}. */
final class RealMongoDbCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<RequiresRealMongoDb> requirement = context.getElement()
                .flatMap(element -> AnnotationSupport.findAnnotation(element, RequiresRealMongoDb.class));
        if (requirement.isEmpty()) {
            return ConditionEvaluationResult.enabled("no @RequiresRealMongoDb here");
        }
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        if (infrastructure.realMongoDb()) {
            return ConditionEvaluationResult.enabled("MongoDB is real (" + infrastructure.mode() + ")");
        }
        String need = requirement.get().value().isBlank() ? "" : " for " + requirement.get().value();
        return ConditionEvaluationResult.disabled("Needs a real MongoDB" + need + ", but the test infrastructure is "
                + "embedded mongo-java-server (" + infrastructure.modeReason() + "); run with "
                + "-Diinj.test.infrastructure=containers or external");
    }
}
