package jp.iinj.httpapi.core.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import jp.iinj.contracts.membership.TechnologyFieldVocabulary;

/**
 * Up to {@link #max()} ids of the technology-field vocabulary (versioned reference data in contracts): members'
 * profiles and partnering profiles pick from the same list, so matching can rely on the ids.
 */
@Documented
@Constraint(validatedBy = TechnologyFields.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface TechnologyFields {
    int max();

    String message() default "not in the technology-field vocabulary";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<TechnologyFields, List<String>> {
        private final TechnologyFieldVocabulary vocabulary = TechnologyFieldVocabulary.current();
        private int max;

        @Override
        public void initialize(TechnologyFields constraint) {
            max = constraint.max();
        }

        @Override
        public boolean isValid(List<String> fields, ConstraintValidatorContext context) {
            return Violations.checkEntries(fields, max, "at most " + max + " entries",
                    field -> vocabulary.contains(field) ? null
                            : "not in the technology-field vocabulary " + TechnologyFieldVocabulary.CURRENT_VERSION,
                    context);
        }
    }
}
