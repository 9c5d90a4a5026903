package jp.iinj.httpapi.core.validation;

import java.util.Optional;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import jp.iinj.httpapi.core.text.TextPolicy;
import jp.iinj.httpapi.core.text.TextPolicy.Lines;

/** {@link FreeText}: reports what is wrong in words a client can act on. */
public class FreeTextValidator implements ConstraintValidator<FreeText, String> {

    static final String BLANK = "must not be blank";

    private int max;
    private boolean required;
    private Lines lines;

    @Override
    public void initialize(FreeText constraint) {
        max = constraint.max();
        required = constraint.required();
        lines = constraint.multiLine() ? Lines.MULTIPLE : Lines.SINGLE;
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        Optional<String> problem = problemWith(value, max, required, lines);
        problem.ifPresent(message -> Violations.report(context, message));
        return problem.isEmpty();
    }

    /** The value as kept once it passed {@link FreeText}: NFC, stripped, and blank is none. */
    public static String stored(String value) {
        return value == null || value.isBlank() ? null : TextPolicy.normalised(value).strip();
    }

    /** What is wrong with {@code value} as single-line free text, if anything: for checks that are not annotations. */
    public static Optional<String> problemWith(String value, int max, boolean required) {
        return problemWith(value, max, required, Lines.SINGLE);
    }

    static Optional<String> problemWith(String value, int max, boolean required, Lines lines) {
        String kept = stored(value);
        if (kept == null) {
            return required ? Optional.of(BLANK) : Optional.empty();
        }
        if (TextPolicy.length(kept) > max) {
            return Optional.of("size must be between 1 and " + max);
        }
        return TextPolicy.problemWith(kept, lines);
    }
}
