package jp.iinj.memberregistry.registration;

import java.net.URI;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.iinj.httpapi.core.conditional.RevisionTag;
import jp.iinj.httpapi.core.openapi.Anonymous;
import jp.iinj.httpapi.correlation.RequestCorrelation;
import jp.iinj.memberregistry.organisation.OrganisationResponse;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(path = "/api/members/organisations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Organisations", description = "Registration of member organisations")
public class RegistrationController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private final OrganisationRegistration registration;

    public RegistrationController(OrganisationRegistration registration) {
        this.registration = registration;
    }

    /** Registers an organisation; it is then {@code APPLIED}, waiting for approval. */
    @Operation(summary = "Register an organisation", description = "The organisation is stored as APPLIED and a "
            + "member-registered event is published on membership.member-events.v1. Send an Idempotency-Key to "
            + "retry safely: the same key with the same body returns the first registration (Idempotent-Replayed: "
            + "true); with another body, 422. Without a corporate number (noCorporateNumberReason), an organisation "
            + "whose normalised name and prefecture match a current member is flagged for review.")
    @ApiResponse(responseCode = "201", description = "Registered (or replayed); Location names the organisation")
    @ApiResponse(responseCode = "409", description = "An organisation with this corporate number is registered")
    @ApiResponse(responseCode = "422", description = "Idempotency-Key already used for another request")
    @Anonymous
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<OrganisationResponse>> register(
            @RequestBody RegisterOrganisationRequest request,
            @Parameter(description = "Makes retries safe: 8-100 of A-Z a-z 0-9 . _ : -")
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        return RequestCorrelation.current()
                .flatMap(correlationId -> registration.register(request, idempotencyKey, correlationId))
                .map(registered -> {
                    var response = ResponseEntity
                            .created(URI.create("/api/members/organisations/" + registered.organisation().id()))
                            .eTag(RevisionTag.of(registered.organisation().revision()));
                    if (registered.replayed()) {
                        response.header(REPLAYED, "true");
                    }
                    return response.body(OrganisationResponse.forRegistrant(registered.organisation()));
                });
    }
}
