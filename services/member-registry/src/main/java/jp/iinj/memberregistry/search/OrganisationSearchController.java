package jp.iinj.memberregistry.search;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.iinj.contracts.membership.OrganisationType;
import jp.iinj.httpapi.core.problems.ProblemException;
import jp.iinj.httpapi.security.PlatformCallers;
import jp.iinj.memberregistry.organisation.MembershipStatus;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/members/organisations}: the staff list. Registration is {@code POST} on the same path
 * ({@code registration/}), one organisation {@code GET .../{id}} ({@code profile/}).
 */
@RestController
@Tag(name = "Search", description = "Staff lists of organisations")
public class OrganisationSearchController {

    static final String PATH = "/api/members/organisations";

    private final OrganisationSearch search;

    public OrganisationSearchController(OrganisationSearch search) {
        this.search = search;
    }

    @Operation(summary = "List organisations", description = "For regional bodies and coordinators (the bureaus "
            + "they cover) and administrators (all); members get 403. Filters are combined with AND; unknown or "
            + "repeated parameters are refused (400). Pages are cursor-based: send nextCursor back as cursor with "
            + "the same filters and sort (the Link header rel=\"next\" does); a cursor from other filters is refused. "
            + "Items are summaries without personal data; GET /api/members/organisations/{id} has the details.")
    @Parameter(name = OrganisationSearchRequest.BUREAU, in = ParameterIn.QUERY,
            description = "Regional bureau id; one you cover", schema = @Schema(type = "string",
            allowableValues = {"hokkaido", "tohoku", "kanto", "chubu", "kinki", "chugoku", "shikoku", "kyushu",
                    "okinawa"}))
    @Parameter(name = OrganisationSearchRequest.PREFECTURE, in = ParameterIn.QUERY,
            description = "JIS X 0401 prefecture code, e.g. 13; of a bureau you cover",
            schema = @Schema(type = "string", pattern = "^[0-9]{2}$"))
    @Parameter(name = OrganisationSearchRequest.TYPE, in = ParameterIn.QUERY,
            schema = @Schema(implementation = OrganisationType.class))
    @Parameter(name = OrganisationSearchRequest.CLUSTER, in = ParameterIn.QUERY, description = "Cluster id",
            schema = @Schema(type = "string", pattern = "^[A-Za-z0-9_-]{1,64}$"))
    @Parameter(name = OrganisationSearchRequest.STATUS, in = ParameterIn.QUERY,
            description = "Membership status; repeat for any of several",
            array = @ArraySchema(schema = @Schema(implementation = MembershipStatus.class)))
    @Parameter(name = OrganisationSearchRequest.KEYWORD, in = ParameterIn.QUERY, description = "Case-insensitive "
            + "substring of the (normalised) legal name, kana, English name or keywords: letters, digits, spaces, "
            + "symbols such as ㈱, and - . , & ' ( ) ・", schema = @Schema(type = "string", minLength = 1, maxLength = 100))
    @Parameter(name = OrganisationSearchRequest.DUPLICATE_FLAGGED, in = ParameterIn.QUERY,
            description = "true: flagged as possible duplicates and not cleared; false: the others",
            schema = @Schema(type = "boolean"))
    @Parameter(name = OrganisationSearchRequest.SORT, in = ParameterIn.QUERY, description = "Order; ties by id",
            schema = @Schema(type = "string", defaultValue = "-registeredAt", allowableValues = {"registeredAt",
                    "-registeredAt", "legalName", "-legalName", "updatedAt", "-updatedAt"}))
    @Parameter(name = OrganisationSearchRequest.LIMIT, in = ParameterIn.QUERY, description = "Page size",
            schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "20"))
    @Parameter(name = OrganisationSearchRequest.CURSOR, in = ParameterIn.QUERY,
            description = "nextCursor of the previous page", schema = @Schema(type = "string"))
    @ApiResponse(responseCode = "200", description = "A page of summaries", headers = @Header(name = HttpHeaders.LINK,
            description = "<...>; rel=\"next\" when there is a next page", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = "Unknown, repeated or invalid parameter, or a cursor of "
            + "another list: see errors[].field")
    @ApiResponse(responseCode = "403", description = "Not staff, or a bureau or prefecture you do not cover")
    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<OrganisationPage>> listOrganisations(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
        return PlatformCallers.caller()
                .switchIfEmpty(Mono.error(() -> ProblemException.forbidden("Organisations are listed for people.")))
                .map(OrganisationSearch::confinementOf)
                .flatMap(confinement -> {
                    OrganisationSearchRequest request = OrganisationSearchRequest.from(query);
                    return search.search(confinement, request).map(page -> withNextLink(page, request));
                });
    }

    private static ResponseEntity<OrganisationPage> withNextLink(OrganisationPage page,
                                                                 OrganisationSearchRequest request) {
        var response = ResponseEntity.ok();
        if (page.nextCursor() != null) {
            String next = UriComponentsBuilder.fromPath(PATH).queryParams(request.withoutCursor())
                    .queryParam(OrganisationSearchRequest.CURSOR, page.nextCursor())
                    .build().encode().toUriString();
            response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return response.body(page);
    }
}
