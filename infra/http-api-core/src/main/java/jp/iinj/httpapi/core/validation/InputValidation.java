package jp.iinj.httpapi.core.validation;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.httpapi.core.problems.InvalidField;

/**
 * Runs Bean Validation on an input record and names each problem as the client wrote the field: {@code
 * keywords[3]}, {@code contacts[0].email}, and the fields of an {@code @JsonUnwrapped} component at the top level.
 * Problems come in the order the record declares its fields, so the same input always gets the same answer. Used
 * where an input is checked together with rules Bean Validation cannot run (a lookup in the database, a row of a
 * file), and where the same record arrives by other means than a JSON body.
 */
public final class InputValidation {

    private final Validator validator;

    public InputValidation(Validator validator) {
        this.validator = validator;
    }

    /** Every problem of {@code input}, in declaration order; empty when it is valid. */
    public List<InvalidField> problems(Object input) {
        record Named(List<Integer> order, InvalidField field) {
        }
        List<Named> named = new ArrayList<>();
        for (ConstraintViolation<Object> violation : validator.validate(input)) {
            Field field = Field.of(violation.getPropertyPath(), input.getClass());
            named.add(new Named(field.order(), new InvalidField(field.name(), violation.getMessage())));
        }
        named.sort(Comparator.<Named, List<Integer>>comparing(Named::order, InputValidation::compare)
                .thenComparing(problem -> String.valueOf(problem.field().field()))
                .thenComparing(problem -> problem.field().message()));
        return named.stream().map(Named::field).toList();
    }

    /** {@code input} unchanged, or a 400 naming every invalid field. */
    public <T> T requireValid(T input) {
        List<InvalidField> problems = problems(input);
        if (!problems.isEmpty()) {
            throw new FieldValidationException(problems);
        }
        return input;
    }

    private static int compare(List<Integer> left, List<Integer> right) {
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            int order = Integer.compare(left.get(i), right.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    /** A violation's path as the client names it, and its position among the declared fields. */
    private record Field(String name, List<Integer> order) {

        static Field of(Path path, Class<?> root) {
            StringBuilder name = new StringBuilder();
            List<Integer> order = new ArrayList<>();
            Class<?> current = root;
            for (Path.Node node : path) {
                if (node.isInIterable() && node.getIndex() != null) {
                    name.append('[').append(node.getIndex()).append(']');
                    order.add(node.getIndex());
                }
                if (node.getKind() != ElementKind.PROPERTY || node.getName() == null) {
                    continue; // the list entry itself, or the bean a class-level constraint judged
                }
                Optional<RecordComponent> component = componentOf(current, node.getName());
                order.add(component.map(found -> indexOf(found)).orElse(Integer.MAX_VALUE));
                current = component.map(Field::valueType).orElse(Object.class);
                if (component.isPresent() && component.get().getAccessor().isAnnotationPresent(JsonUnwrapped.class)) {
                    continue; // its fields are the parent's in JSON
                }
                if (!name.isEmpty()) {
                    name.append('.');
                }
                name.append(node.getName());
            }
            return new Field(name.isEmpty() ? null : name.toString(), order);
        }

        private static Optional<RecordComponent> componentOf(Class<?> type, String name) {
            if (!type.isRecord()) {
                return Optional.empty();
            }
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getName().equals(name)) {
                    return Optional.of(component);
                }
            }
            return Optional.empty();
        }

        private static int indexOf(RecordComponent component) {
            RecordComponent[] all = component.getDeclaringRecord().getRecordComponents();
            for (int i = 0; i < all.length; i++) {
                if (all[i].getName().equals(component.getName())) {
                    return i;
                }
            }
            return Integer.MAX_VALUE;
        }

        /** The component's type, or its element type for a list: what the next path node belongs to. */
        private static Class<?> valueType(RecordComponent component) {
            Type generic = component.getGenericType();
            if (generic instanceof ParameterizedType parameterized && List.class.isAssignableFrom(component.getType())
                    && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
                return element;
            }
            return component.getType();
        }
    }
}
