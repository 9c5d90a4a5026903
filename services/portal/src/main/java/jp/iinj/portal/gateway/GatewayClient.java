package jp.iinj.portal.gateway;

import java.util.ArrayList;
import java.util.List;

import jp.iinj.httpapi.core.correlation.CorrelationIds;
import jp.iinj.portal.PortalProperties;
import jp.iinj.portal.pages.RequestCorrelation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The portal's only way to the platform: HTTP to the gateway. {@link #asPerson()} sends the signed-in person's access
 * token (refreshed when it has expired, for a confidential portal); {@link #anonymous()} sends none (registration,
 * the public catalogues, password links). Both pass the page request's correlation id and the person's address
 * ({@link ForwardedClient}) on, and turn every error
 * answer into an {@link ApiProblem}.
 */
@Component
public class GatewayClient {

    private static final Logger log = LoggerFactory.getLogger(GatewayClient.class);

    private final WebClient asPerson;
    private final WebClient anonymous;
    private final JsonMapper json = JsonMapper.builder().build();

    GatewayClient(WebClient.Builder builder, PortalProperties portal, ReactiveOAuth2AuthorizedClientManager tokens) {
        ServerOAuth2AuthorizedClientExchangeFilterFunction withToken = new ServerOAuth2AuthorizedClientExchangeFilterFunction(tokens);
        withToken.setDefaultOAuth2AuthorizedClient(true);
        WebClient.Builder base = builder.clone()
                .baseUrl(portal.gatewayUrl().toString())
                .defaultHeader("Accept", MediaType.APPLICATION_JSON_VALUE + ", " + MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .filter(correlation())
                .filter(ExchangeFilterFunction.ofResponseProcessor(this::problemOnError));
        this.anonymous = base.clone().build();
        this.asPerson = base.clone().filter(withToken).build();
    }

    public WebClient asPerson() {
        return asPerson;
    }

    public WebClient anonymous() {
        return anonymous;
    }

    private static ExchangeFilterFunction correlation() {
        return (request, next) -> RequestCorrelation.current()
                .map(id -> ClientRequest.from(request).header(CorrelationIds.HEADER, id).build())
                .defaultIfEmpty(request)
                .flatMap(withId -> ForwardedClient.current()
                        .map(address -> ClientRequest.from(withId).header("X-Forwarded-For", address).build())
                        .defaultIfEmpty(withId))
                .flatMap(next::exchange);
    }

    private Mono<ClientResponse> problemOnError(ClientResponse response) {
        if (!response.statusCode().isError()) {
            return Mono.just(response);
        }
        int status = response.statusCode().value();
        return response.bodyToMono(String.class).defaultIfEmpty("").flatMap(body -> {
            ApiProblem problem = parse(status, body);
            if (status >= 500) {
                log.warn("The platform answered {} {}: {}", status, problem.title(), problem.detail());
            }
            return Mono.error(problem);
        });
    }

    ApiProblem parse(int status, String body) {
        try {
            JsonNode problem = json.readTree(body);
            if (problem != null && problem.isObject()) {
                List<ApiProblem.FieldError> errors = new ArrayList<>();
                problem.path("errors").forEach(error -> errors.add(new ApiProblem.FieldError(
                        error.hasNonNull("field") ? error.get("field").asString() : null, error.path("message").asString(""))));
                return new ApiProblem(status, text(problem, "type"), text(problem, "title"), text(problem, "detail"), errors,
                        text(problem, "code"));
            }
        } catch (Exception notJson) {
            // a proxy's HTML error page, or nothing: the status is all there is
        }
        return new ApiProblem(status, null, "HTTP " + status, null, List.of());
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asString() : null;
    }
}
