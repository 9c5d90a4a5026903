package jp.iinj.httpapi.core.validation;

import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** {@link FreeText}: reports what is wrong in words a client can act on. */
public class FreeTextValidator implements ConstraintValidator<FreeText, String> {

    static final String BLANK = "must not be blank";
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private int max;
    private boolean required;

    @Override
    public void initialize(FreeText constraint) {
        max = constraint.max();
        required = constraint.required();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        Optional<String> problem = problemWith(value, max, required);
        problem.ifPresent(message -> Violations.report(context, message));
        return problem.isEmpty();
    }

    /** The value as kept once it passed {@link FreeText}: stripped, and blank is none. */
    public static String stored(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** What is wrong with {@code value} as free text, if anything: for checks that are not annotations. */
    public static Optional<String> problemWith(String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            return required ? Optional.of(BLANK) : Optional.empty();
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            return Optional.of("size must be between 1 and " + max);
        }
        if (CONTROL.matcher(stripped).find()) {
            return Optional.of("must not contain control characters");
        }
        return Optional.empty();
    }
}
