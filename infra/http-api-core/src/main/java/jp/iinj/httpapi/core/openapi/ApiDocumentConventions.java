package jp.iinj.httpapi.core.openapi;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import jp.iinj.httpapi.core.problems.ProblemType;

/**
 * What every API document of the platform says the same way: clients use the gateway (the only server), the
 * access-token scheme, and the problem document every error answer carries (RFC 9457, the shape
 * {@link jp.iinj.httpapi.core.problems.Problem} writes). The operations refer to them through
 * {@link OperationConventions}.
 */
public final class ApiDocumentConventions implements GlobalOpenApiCustomizer {

    /** The security scheme's name: a bearer access token from the identity service. */
    public static final String ACCESS_TOKEN = "accessToken";
    /** The schema of every error body. */
    public static final String PROBLEM = "Problem";
    public static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    static final String INVALID_FIELD = "InvalidField";

    private final URI gateway;

    public ApiDocumentConventions(URI gateway) {
        this.gateway = gateway;
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.setServers(List.of(new Server().url(gateway.toString())
                .description("The platform's gateway, the only address clients use")));
        Info info = openApi.getInfo() != null ? openApi.getInfo() : new Info();
        if (info.getContact() == null) {
            info.setContact(new Contact().name("IINJ network platform").url("https://iinj.jp"));
        }
        openApi.setInfo(info);
        Components components = openApi.getComponents() != null ? openApi.getComponents() : new Components();
        components.addSecuritySchemes(ACCESS_TOKEN, accessToken());
        components.addSchemas(PROBLEM, problem());
        components.addSchemas(INVALID_FIELD, invalidField());
        openApi.setComponents(components);
    }

    private static SecurityScheme accessToken() {
        return new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("An access token (JWT of type at+jwt) of the identity service, issued under the "
                        + "gateway's address: people get one by authorization code + PKCE (the portal), machine "
                        + "clients by client credentials. A token sent to an anonymous operation must be valid too.");
    }

    private static Schema<?> problem() {
        String slugs = Arrays.stream(ProblemType.values()).map(ProblemType::slug).collect(Collectors.joining(", "));
        return new ObjectSchema()
                .description("RFC 9457 problem details: the body of every error answer (application/problem+json).")
                .addProperty("type", new StringSchema().format("uri").description(ProblemType.BASE_URI
                        + "<slug>, the slug one of " + slugs + "; or about:blank when the status says all"))
                .addProperty("title", new StringSchema().description("The type's short summary"))
                .addProperty("status", new IntegerSchema().description("The HTTP status code"))
                .addProperty("detail", new StringSchema().description("What went wrong with this request"))
                .addProperty("instance", new StringSchema().format("uri-reference")
                        .description("The path of the request"))
                .addProperty("correlationId", new StringSchema()
                        .description("The request's correlation id (X-Correlation-Id), as in the service's logs"))
                .addProperty("errors", new ArraySchema()
                        .items(new Schema<>().$ref("#/components/schemas/" + INVALID_FIELD))
                        .description("The invalid fields of a 400 answer"))
                .required(List.of("type", "status"));
    }

    private static Schema<?> invalidField() {
        return new ObjectSchema()
                .description("One invalid part of a request")
                .addProperty("field", new StringSchema().description("Property path inside the request, e.g. "
                        + "corporateNumber or contacts[0].email; absent for the request as a whole"))
                .addProperty("message", new StringSchema().description("What is wrong; never the rejected value"))
                .required(List.of("message"));
    }
}
