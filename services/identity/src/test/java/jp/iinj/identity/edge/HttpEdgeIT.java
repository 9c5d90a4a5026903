package jp.iinj.identity.edge;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import jp.iinj.identity.support.Api;
import jp.iinj.identity.support.IdentityIntegrationTest;
import jp.iinj.testing.web.Browser;
import jp.iinj.testing.web.RawHttp;
import jp.iinj.testing.web.RawHttp.Probe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probe's findings about identity called directly: what Tomcat refuses on its own is a problem, not an HTML page
 * (Tomcat answers 400 for every malformed or oversized head, and its 501 for an unknown transfer coding becomes 400),
 * and every answer carries a Content-Security-Policy and a Referrer-Policy; the sign-in page one that lets it work.
 */
@IdentityIntegrationTest
class HttpEdgeIT {

    private static final String PATH = "/api/identity/password-resets";
    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @LocalServerPort
    int port;

    @ParameterizedTest
    @EnumSource(Probe.class)
    void whatTomcatRefusesOnItsOwnIsAProblem(Probe probe) {
        RawHttp.Response response = RawHttp.send(port, probe.request(PATH)).assertProblem(400);
        assertThat(response.json().get("type").asString()).isEqualTo("https://iinj.jp/problems/invalid-request");
        assertThat(response.body()).doesNotContain("<html", "Tomcat");
    }

    @Test
    void apiAnswersProblemsAndDiscoveryLoadNothing() {
        Api api = new Api(port);
        for (HttpResponse<String> response : new HttpResponse[] {
                api.post(PATH, "{\"email\":\"someone@example.jp\"}"),
                api.get("/api/identity/admin/clients", null),
                api.get("/.well-known/openid-configuration", null),
                api.get("/oauth2/jwks", null)}) {
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(response.uri().toString())
                    .hasValue(API_POLICY);
            assertThat(response.headers().firstValue("Referrer-Policy")).as(response.uri().toString())
                    .hasValue("no-referrer");
        }
    }

    @Test
    void theSignInPageMayLoadWhatItsMarkupNeedsAndNothingElse() {
        HttpResponse<String> page = new Browser().get("http://localhost:" + port + "/login");
        assertThat(page.statusCode()).isEqualTo(200);
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).isEqualTo("default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; "
                + "base-uri 'none'");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        // what the policy allows is what the page uses: the platform's stylesheet (the portal's, same front door)
        // and a form posted here; Japanese unless the person chose English
        String html = page.body();
        assertThat(html).contains("<html lang=\"ja\">", "<link rel=\"stylesheet\" href=\"/assets/portal.css\">",
                        "<form method=\"post\" action=\"/login\"", "<label for=\"username\">メールアドレス</label>",
                        "name=\"_csrf\"")
                .doesNotContain("<script", "<style", "style=\"", "<img", "<iframe")
                // no inline event handlers either
                .doesNotContainPattern("\\son[a-z]+=");
        HttpResponse<String> english = new Browser().get("http://localhost:" + port + "/login?lang=en");
        assertThat(english.body()).contains("<html lang=\"en\">", "<label for=\"username\">E-mail</label>");
        assertThat(english.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
                assertThat(cookie).startsWith("PORTAL_LANG=en").contains("HttpOnly", "SameSite=Lax"));
    }
}
