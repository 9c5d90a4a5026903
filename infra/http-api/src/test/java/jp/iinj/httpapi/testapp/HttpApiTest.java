package jp.iinj.httpapi.testapp;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

/**
 * The test service on a real Netty server on a random port, with a WebTestClient bound to it. Every test class
 * shares this one context: the logging system is configured once per JVM, so the structured log format has to
 * be the same for all of them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // Boot 4 name; the old spring.codec.max-in-memory-size is silently ignored
        "spring.http.codecs.max-in-memory-size=4KB",
        // a service may switch on Boot's own problem details: ours must still answer
        "spring.webflux.problemdetails.enabled=true",
        // what the services set
        "logging.structured.format.console=ecs",
        // a page with a policy of its own, as the gateway's Swagger UI has
        "iinj.http-api.security-headers.pages[0].paths=" + HttpApiTest.PAGE,
        "iinj.http-api.security-headers.pages[0].content-security-policy=" + HttpApiTest.PAGE_POLICY})
@AutoConfigureWebTestClient
public @interface HttpApiTest {

    String PAGE = "/test/page";
    String PAGE_POLICY = "default-src 'self'; style-src 'self' 'unsafe-inline'";
}
