package jp.iinj.httpapi.core.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.security.SecurityRequirements;

/**
 * An operation anyone may call without an access token: its OpenAPI operation says {@code security: []}. Every
 * operation without it requires the access token ({@link OperationConventions}). This only documents; the service's
 * security configuration decides, and each service's OpenAPI contract test checks that the two agree.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@SecurityRequirements // empty: springdoc writes security: [] for the operation
public @interface Anonymous {
}
