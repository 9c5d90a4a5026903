package jp.iinj.gateway.apidocs;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jp.iinj.gateway.support.Echo;
import jp.iinj.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** One Swagger UI at the gateway, listing every service's OpenAPI document, fetched through the gateway. */
class ApiDocsIT extends GatewayTestSupport {

    @Autowired
    RouteLocator routeLocator;

    @Test
    void swaggerUiIsServedAnonymously() {
        client().get().uri("/swagger-ui.html").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().valueEquals("Location", "/swagger-ui/index.html");

        client().get().uri("/swagger-ui/index.html").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(html -> assertThat(html).contains("swagger-ui-bundle.js"));
        client().get().uri("/swagger-ui/swagger-initializer.js").exchange().expectStatus().isOk();
    }

    @Test
    void swaggerUiListsEveryServiceDocumentRoute() {
        Map<String, Object> config = client().get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();

        @SuppressWarnings("unchecked")
        List<Map<String, String>> urls = (List<Map<String, String>>) config.get("urls");
        Set<String> listed = urls.stream().map(url -> url.get("url")).collect(Collectors.toCollection(TreeSet::new));
        Set<String> documentRoutes = routeLocator.getRoutes().map(Route::getId)
                .filter(id -> id.endsWith("-api-docs"))
                .map(id -> "/api-docs/" + id.substring(0, id.length() - "-api-docs".length()))
                .collect(Collectors.toCollection(TreeSet::new)).block();

        assertThat(documentRoutes).isNotEmpty();
        assertThat(listed).isEqualTo(documentRoutes);
    }

    @Test
    void serviceDocumentIsProxiedAnonymously() {
        Echo echo = client().get().uri("/api-docs/member-registry").exchange()
                .expectStatus().isOk()
                .expectBody(Echo.class).returnResult().getResponseBody();

        assertThat(echo.service()).isEqualTo("member-registry");
        assertThat(echo.path()).isEqualTo("/v3/api-docs");
        // the document's servers then name the gateway, not the service
        assertThat(echo.header("Host")).isEqualTo("127.0.0.1:" + port);
    }
}
