package jp.iinj.testing.infrastructure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Skips the test class or method when the shared test infrastructure's MongoDB is the embedded mongo-java-server,
 * which has no transactions, sessions or {@code $text}.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(RealMongoDbCondition.class)
public @interface RequiresRealMongoDb {

    /** What the test needs from a real MongoDB, for the skip reason, e.g. {@code "multi-document transactions"}. */
    String value() default "";
}
