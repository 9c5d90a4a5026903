package jp.iinj.httpapi.core.openapi;

import java.net.URI;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * The platform's conventions for the OpenAPI document of any service with springdoc (WebFlux or Spring MVC).
 * {@code iinj.openapi.server-url} is the server the document names: the gateway, {@code IINJ_GATEWAY_URL}
 * (default {@code http://localhost:8100}), as for the tokens' issuer.
 */
@AutoConfiguration
@ConditionalOnWebApplication
@ConditionalOnClass(GlobalOpenApiCustomizer.class)
public class ApiDocumentAutoConfiguration {

    @Bean
    ApiDocumentConventions apiDocumentConventions(
            @Value("${iinj.openapi.server-url:${IINJ_GATEWAY_URL:http://localhost:8100}}") URI gateway) {
        return new ApiDocumentConventions(gateway);
    }

    @Bean
    OperationConventions operationConventions() {
        return new OperationConventions();
    }

    @Bean
    FreeTextSchemas freeTextSchemas() {
        return new FreeTextSchemas();
    }
}
