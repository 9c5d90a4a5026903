package jp.iinj.httpapi.servlet;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import jp.iinj.httpapi.servlet.testapp.ServletHttpApiTest;
import jp.iinj.httpapi.servlet.testapp.TestController;

import static org.assertj.core.api.Assertions.assertThat;

/** Every answer of a Spring MVC service carries a Content-Security-Policy and a Referrer-Policy. */
@ServletHttpApiTest
class SecurityHeadersTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @LocalServerPort
    int port;

    @Test
    void jsonAnswersAndProblemsLoadNothing() throws Exception {
        for (String path : new String[] {"/test/correlation", "/test/nowhere", "/test/boom", "/test/secured/member"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).hasValue(API_POLICY);
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
        }
    }

    @Test
    void aPageGetsThePolicyConfiguredForIt() throws Exception {
        HttpResponse<String> response = get(ServletHttpApiTest.PAGE);
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(ServletHttpApiTest.PAGE_POLICY);
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    void aHandlersOwnPolicyIsKept() throws Exception {
        assertThat(get("/test/own-policy").headers().allValues("Content-Security-Policy"))
                .containsExactly(TestController.OWN_POLICY);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
