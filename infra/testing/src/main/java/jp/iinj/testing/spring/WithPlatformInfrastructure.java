package jp.iinj.testing.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

/** On a {@code @SpringBootTest}: run the application against the shared test Kafka and MongoDB. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(PlatformTestInfrastructure.class)
public @interface WithPlatformInfrastructure {
}
