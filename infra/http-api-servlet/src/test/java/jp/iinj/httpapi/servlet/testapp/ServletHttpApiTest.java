package jp.iinj.httpapi.servlet.testapp;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/** The test service on a real Tomcat on a random port; every test class shares this one context. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "iinj.http-api.servlet.body-limit.max-size=4KB",
        // a service may switch on Boot's own problem details: ours must still answer
        "spring.mvc.problemdetails.enabled=true",
        // a page with a policy of its own, as identity's login page has
        "iinj.http-api.security-headers.pages[0].paths=" + ServletHttpApiTest.PAGE,
        "iinj.http-api.security-headers.pages[0].content-security-policy=" + ServletHttpApiTest.PAGE_POLICY})
public @interface ServletHttpApiTest {

    String PAGE = "/test/page";
    String PAGE_POLICY = "default-src 'none'; style-src 'self'; form-action 'self'";
}
