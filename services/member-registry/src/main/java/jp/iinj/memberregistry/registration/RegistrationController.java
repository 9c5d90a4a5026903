package jp.iinj.memberregistry.registration;

import java.net.URI;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jp.iinj.httpapi.core.problems.ResourceNotFoundException;
import jp.iinj.httpapi.correlation.RequestCorrelation;
import jp.iinj.memberregistry.access.ServiceAccessConfiguration;
import jp.iinj.memberregistry.organisation.Organisations;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(path = "/api/members/organisations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Organisations", description = "Registration of member organisations")
public class RegistrationController {

    private final OrganisationRegistration registration;
    private final Organisations organisations;

    public RegistrationController(OrganisationRegistration registration, Organisations organisations) {
        this.registration = registration;
        this.organisations = organisations;
    }

    /** Registers an organisation; it is then {@code APPLIED}, waiting for approval. */
    @Operation(summary = "Register an organisation", description = "The organisation is stored as APPLIED and a "
            + "member-registered event is published on membership.member-events.v1.")
    @ApiResponse(responseCode = "201", description = "Registered; Location names the new organisation")
    @ApiResponse(responseCode = "400", description = "Invalid request: see errors[].field", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "An organisation with this corporate number is registered",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "413", description = "Body too large", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<OrganisationResponse>> register(@Valid @RequestBody RegisterOrganisationRequest request) {
        return RequestCorrelation.current()
                .flatMap(correlationId -> registration.register(request, correlationId))
                .map(organisation -> ResponseEntity
                        .created(URI.create("/api/members/organisations/" + organisation.id()))
                        .body(OrganisationResponse.of(organisation)));
    }

    @Operation(summary = "Read an organisation", description = "Visible to the organisation's own people, the "
            + "regional bodies and coordinators of its bureau, and administrators; to anyone else it does not exist.")
    @ApiResponse(responseCode = "200", description = "The organisation")
    @ApiResponse(responseCode = "404", description = "No such organisation", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping("/{organisationId}")
    public Mono<OrganisationResponse> organisation(@PathVariable String organisationId) {
        return ServiceAccessConfiguration.caller()
                .flatMap(caller -> organisations.byId(organisationId).filter(organisation -> organisation.visibleTo(caller)))
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("no organisation " + organisationId)))
                .map(OrganisationResponse::of);
    }
}
