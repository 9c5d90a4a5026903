package jp.iinj.memberregistry;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;

/** Title and description of the OpenAPI document that {@code contracts/openapi/} holds and the service serves. */
@OpenAPIDefinition(info = @Info(
        title = "IINJ member registry",
        version = "v1",
        description = "Member organisations of Innovation Initiative Network Japan register here. Every error is an "
                + "RFC 9457 application/problem+json document; field errors are listed in `errors`.",
        license = @License(name = "Apache-2.0", identifier = "Apache-2.0")))
final class MemberRegistryApiDocument {

    private MemberRegistryApiDocument() {
    }
}
