package jp.iinj.coordination;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;

/** Title and description of the OpenAPI document that {@code contracts/openapi/} holds and the service serves. */
@OpenAPIDefinition(info = @Info(
        title = "IINJ coordination",
        version = "v1",
        description = "The roster of coordinators: who covers which bureaus and prefectures, their expertise, "
                + "languages, capacity and availability. Administrators maintain every entry, regional bodies those "
                + "of their own bureaus; a coordinator reads their own. The cases: one per agreed match, assigned at "
                + "once, accepted or declined, moved through its stages and closed with an outcome; a coordinator "
                + "works their own, a regional body oversees its bureaus', the two members read theirs. Every error "
                + "is an RFC 9457 "
                + "application/problem+json document; field errors are listed in `errors`.",
        license = @License(name = "Apache-2.0", identifier = "Apache-2.0")))
final class CoordinationApiDocument {

    private CoordinationApiDocument() {
    }
}
