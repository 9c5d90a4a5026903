package jp.iinj.businessmatching;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;

/** Title and description of the OpenAPI document that {@code contracts/openapi/} holds and the service serves. */
@OpenAPIDefinition(info = @Info(
        title = "IINJ business matching",
        version = "v1",
        description = "Partnering profiles (technology and business offers and requests), explained automatic "
                + "proposals, search, and expressions of interest that end in an agreed match. Other members see a "
                + "profile anonymously until its owner accepts their interest. Every error is an RFC 9457 "
                + "application/problem+json document; field errors are listed in `errors`.",
        license = @License(name = "Apache-2.0", identifier = "Apache-2.0")))
final class BusinessMatchingApiDocument {

    private BusinessMatchingApiDocument() {
    }
}
