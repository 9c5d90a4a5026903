package jp.iinj.identity;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;

/**
 * Title and description of the OpenAPI document of {@code /api/identity/**} that {@code contracts/openapi/} holds
 * and the service serves. The OAuth2 and OpenID Connect endpoints are not in it: they have their own discovery
 * document ({@code /.well-known/openid-configuration}) and RFC error format.
 */
@OpenAPIDefinition(info = @Info(
        title = "IINJ identity",
        version = "v1",
        description = "Accounts of the platform's OpenID Connect issuer: passwords, invitations and "
                + "administration. Tokens come from the OAuth2 endpoints (see /.well-known/openid-configuration), "
                + "which are not part of this document. Every error is an RFC 9457 application/problem+json "
                + "document; field errors are listed in `errors`.",
        license = @License(name = "Apache-2.0", identifier = "Apache-2.0")))
final class IdentityApiDocument {

    private IdentityApiDocument() {
    }
}
