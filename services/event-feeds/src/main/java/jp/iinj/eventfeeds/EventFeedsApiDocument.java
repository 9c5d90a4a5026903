package jp.iinj.eventfeeds;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;

/** Title and description of the OpenAPI document that {@code contracts/openapi/} holds and the service serves. */
@OpenAPIDefinition(info = @Info(
        title = "IINJ event feeds",
        version = "v1",
        description = "The platform's public events for regional bodies, each body its bureaus' events: pulled with a "
                + "cursor as CloudEvents batches. Regional bodies' people and machine clients, and administrators. "
                + "Every error is an RFC 9457 application/problem+json document; field errors are listed in `errors`.",
        license = @License(name = "Apache-2.0", identifier = "Apache-2.0")))
final class EventFeedsApiDocument {

    private EventFeedsApiDocument() {
    }
}
