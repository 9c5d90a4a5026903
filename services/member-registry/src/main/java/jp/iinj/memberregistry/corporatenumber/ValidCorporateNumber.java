package jp.iinj.memberregistry.corporatenumber;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import jp.iinj.httpapi.core.validation.Violations;

/** A {@link CorporateNumber} whose check digit matches; absent is fine (whether one is needed is another rule). */
@Documented
@Constraint(validatedBy = ValidCorporateNumber.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidCorporateNumber {

    String message() default "not a corporate number";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidCorporateNumber, String> {
        @Override
        public boolean isValid(String number, ConstraintValidatorContext context) {
            if (number == null) {
                return true;
            }
            String problem = CorporateNumber.problemWith(number).orElse(null);
            if (problem != null) {
                Violations.report(context, problem);
            }
            return problem == null;
        }
    }
}
