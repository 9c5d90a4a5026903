package jp.iinj.httpapi.core.problems;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/** Problems from Bean Validation of request bodies ({@code @Valid}) and of handler method parameters. */
public final class ValidationProblems {

    private static final List<Class<? extends Annotation>> NAMED_BINDINGS =
            List.of(RequestParam.class, PathVariable.class, RequestHeader.class, CookieValue.class);

    private ValidationProblems() {
    }

    public static Problem describe(Errors errors) {
        return Problem.invalidFields(invalidFields(errors));
    }

    public static Problem describe(HandlerMethodValidationException invalid) {
        List<InvalidField> fields = new ArrayList<>();
        invalid.getBeanResults().forEach(bean -> fields.addAll(invalidFields(bean)));
        invalid.getValueResults().forEach(value -> value.getResolvableErrors().forEach(error -> fields.add(
                new InvalidField(nameInRequest(value.getMethodParameter()), message(error)))));
        invalid.getCrossParameterValidationResults().forEach(error -> fields.add(new InvalidField(null, message(error))));
        return Problem.invalidFields(fields);
    }

    private static List<InvalidField> invalidFields(Errors errors) {
        List<InvalidField> fields = new ArrayList<>();
        for (FieldError error : errors.getFieldErrors()) {
            // a binding failure's default message is a conversion error naming Java types
            fields.add(new InvalidField(error.getField(), error.isBindingFailure() ? FailureProblems.INVALID_VALUE : message(error)));
        }
        errors.getGlobalErrors().forEach(error -> fields.add(new InvalidField(null, message(error))));
        return fields;
    }

    /** The name the client used, e.g. {@code q} for {@code @RequestParam("q") String query}. */
    static String nameInRequest(MethodParameter parameter) {
        MergedAnnotations annotations = MergedAnnotations.from(parameter.getParameterAnnotations());
        return NAMED_BINDINGS.stream()
                .map(annotations::get)
                .filter(MergedAnnotation::isPresent)
                .map(binding -> binding.getString("name"))
                .filter(name -> !name.isEmpty())
                .findFirst()
                .orElseGet(parameter::getParameterName);
    }

    private static String message(MessageSourceResolvable error) {
        return Objects.requireNonNullElse(error.getDefaultMessage(), FailureProblems.INVALID_VALUE);
    }
}
