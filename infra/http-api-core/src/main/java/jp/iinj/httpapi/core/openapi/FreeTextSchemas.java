package jp.iinj.httpapi.core.openapi;

import java.lang.annotation.Annotation;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.PropertyCustomizer;

import jp.iinj.httpapi.core.validation.FreeText;

/**
 * A {@link FreeText} property's {@code maxLength} in the document. JSON Schema counts a string's length in code
 * points, as the text policy does, so the number means the same on both sides. (Whether it is required cannot be
 * said from here: swagger-core reuses a property's schema for every object that has an equal one; a required
 * {@code @FreeText} that the document should list says so with {@code @Schema(requiredMode = REQUIRED)}.)
 */
class FreeTextSchemas implements PropertyCustomizer {

    @Override
    @SuppressWarnings("rawtypes")
    public Schema customize(Schema property, AnnotatedType type) {
        if (property == null || type.getCtxAnnotations() == null) {
            return property;
        }
        for (Annotation annotation : type.getCtxAnnotations()) {
            if (annotation instanceof FreeText freeText) {
                property.setMaxLength(freeText.max());
            }
        }
        return property;
    }
}
