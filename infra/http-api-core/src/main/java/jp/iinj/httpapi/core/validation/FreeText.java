package jp.iinj.httpapi.core.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Text a person typed, judged as it will be stored: stripped, at most {@link #max()} characters, no control
 * characters. Blank counts as absent, which is an error only when {@link #required()}. The one rule for free text
 * on every stack and for every input (JSON bodies and CSV rows alike).
 */
@Documented
@Constraint(validatedBy = FreeTextValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface FreeText {

    int max();

    boolean required() default false;

    String message() default "must be valid text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
