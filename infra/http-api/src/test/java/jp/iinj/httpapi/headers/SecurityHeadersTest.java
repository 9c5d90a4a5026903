package jp.iinj.httpapi.headers;

import jp.iinj.httpapi.testapp.HttpApiTest;
import jp.iinj.httpapi.testapp.TestController;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every answer of a WebFlux service carries a Content-Security-Policy and a Referrer-Policy. */
@HttpApiTest
class SecurityHeadersTest {

    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @Autowired
    WebTestClient client;

    @Test
    void jsonAnswersAndProblemsLoadNothing() {
        for (String path : new String[] {"/test/correlation", "/test/nowhere", "/test/boom", "/test/filter-failure"}) {
            client.get().uri(path).exchange()
                    .expectHeader().valueEquals("Content-Security-Policy", API_POLICY)
                    .expectHeader().valueEquals("Referrer-Policy", "no-referrer");
        }
    }

    @Test
    void aPageGetsThePolicyConfiguredForIt() {
        client.get().uri(HttpApiTest.PAGE).exchange()
                .expectHeader().valueEquals("Content-Security-Policy", HttpApiTest.PAGE_POLICY)
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer");
    }

    @Test
    void aHandlersOwnPolicyIsKept() {
        client.get().uri("/test/own-policy").exchange()
                .expectHeader().valueEquals("Content-Security-Policy", TestController.OWN_POLICY);
    }
}
