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

/** A list of short texts (keywords, tags): at most {@link #maxEntries()}, each non-blank {@link FreeText}. */
@Documented
@Constraint(validatedBy = FreeTextList.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface FreeTextList {

    int maxEntries();

    int maxLength();

    String message() default "must be a list of texts";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<FreeTextList, List<String>> {

        private FreeTextList constraint;

        @Override
        public void initialize(FreeTextList constraint) {
            this.constraint = constraint;
        }

        @Override
        public boolean isValid(List<String> values, ConstraintValidatorContext context) {
            return Violations.checkEntries(values, constraint.maxEntries(),
                    "at most " + constraint.maxEntries() + " entries",
                    value -> FreeTextValidator.problemWith(value, constraint.maxLength(), true).orElse(null), context);
        }
    }
}
