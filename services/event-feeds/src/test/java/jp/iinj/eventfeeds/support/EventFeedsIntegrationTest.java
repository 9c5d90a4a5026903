package jp.iinj.eventfeeds.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;

import jp.iinj.testing.spring.WithPlatformInfrastructure;
import jp.iinj.testing.tokens.TestTokenProperties;

/**
 * Event feeds on a random port with a {@code WebTestClient}, against the shared test Kafka and MongoDB (a database of
 * its own), accepting the tokens of {@code TestTokens}. Classes with this annotation and no settings of their own
 * share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@WithPlatformInfrastructure
@Import({TestTokenProperties.class, TestPublicEvents.class})
public @interface EventFeedsIntegrationTest {
}
