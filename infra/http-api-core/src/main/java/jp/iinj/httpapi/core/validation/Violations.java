package jp.iinj.httpapi.core.validation;

import java.util.List;
import java.util.function.Function;

import jakarta.validation.ConstraintValidatorContext;

/**
 * How constraint validators name what is wrong: with a message computed from the value (never containing the value,
 * so nothing a client sent is interpolated), on the annotated field or on one entry of a list
 * ({@code keywords[3]}, {@code jsicCodes[0].code}).
 */
public final class Violations {

    private Violations() {
    }

    /** Replaces the constraint's default message. */
    public static void report(ConstraintValidatorContext context, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(escaped(message)).addConstraintViolation();
    }

    /** A problem with the entry at {@code index} of the annotated list. */
    public static void reportEntry(ConstraintValidatorContext context, int index, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(escaped(message))
                .addBeanNode().inIterable().atIndex(index).addConstraintViolation();
    }

    /** A problem with {@code property} of the entry at {@code index} of the annotated list. */
    public static void reportEntryProperty(ConstraintValidatorContext context, int index, String property,
                                           String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(escaped(message))
                .addPropertyNode(property).inIterable().atIndex(index).addConstraintViolation();
    }

    /** A problem with another property of the annotated object (class-level constraints). */
    public static void reportProperty(ConstraintValidatorContext context, String property, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(escaped(message))
                .addPropertyNode(property).addConstraintViolation();
    }

    /**
     * Checks a list: more than {@code maxEntries} is one problem on the list (its entries are not judged); otherwise
     * each entry {@code problemWith} finds fault with (null: fine) is a problem of its own.
     */
    public static <T> boolean checkEntries(List<T> values, int maxEntries, String tooMany,
                                           Function<T, String> problemWith, ConstraintValidatorContext context) {
        if (values == null) {
            return true;
        }
        if (values.size() > maxEntries) {
            report(context, tooMany);
            return false;
        }
        boolean valid = true;
        for (int i = 0; i < values.size(); i++) {
            String problem = problemWith.apply(values.get(i));
            if (problem != null) {
                reportEntry(context, i, problem);
                valid = false;
            }
        }
        return valid;
    }

    /** Message templates treat braces and dollars as expressions: ours are literal text. */
    private static String escaped(String message) {
        return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
}
