package jp.iinj.httpapi.core.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** An e-mail address: {@link FreeText} of at most 254 characters, one {@code @} and a dot in the domain. */
@Documented
@Constraint(validatedBy = EmailAddress.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface EmailAddress {

    boolean required() default true;

    String message() default "must be a well-formed email address";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<EmailAddress, String> {

        private static final Pattern EMAIL =
                Pattern.compile("^[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+$");

        private boolean required;

        @Override
        public void initialize(EmailAddress constraint) {
            required = constraint.required();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String problem = FreeTextValidator.problemWith(value, 254, required).orElse(null);
            if (problem == null && value != null && !value.isBlank() && !EMAIL.matcher(value.strip()).matches()) {
                problem = "must be a well-formed email address";
            }
            if (problem != null) {
                Violations.report(context, problem);
            }
            return problem == null;
        }
    }
}
