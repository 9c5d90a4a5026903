package jp.iinj.httpapi.core.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Text a person typed, judged as it will be stored: in NFC, stripped, at most {@link #max()} code points, and within
 * the {@link jp.iinj.httpapi.core.text.TextPolicy} (single-line unless {@link #multiLine()}). Blank counts as absent,
 * which is an error only when {@link #required()}. The one rule for free text on every stack and for every input
 * (JSON bodies, parameters and CSV rows alike). JSON bodies are also held to the policy as they are read, which
 * looks at this annotation for {@link #multiLine()}.
 */
@Documented
@Constraint(validatedBy = FreeTextValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface FreeText {

    int max();

    boolean required() default false;

    /** Line feeds ({@code \n}) allowed: notes and descriptions. Never a carriage return. */
    boolean multiLine() default false;

    String message() default "must be valid text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
