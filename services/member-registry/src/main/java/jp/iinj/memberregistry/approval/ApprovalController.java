package jp.iinj.memberregistry.approval;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.iinj.httpapi.correlation.RequestCorrelation;
import jp.iinj.memberregistry.access.ServiceAccessConfiguration;
import jp.iinj.memberregistry.registration.OrganisationResponse;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(path = "/api/members/organisations/{organisationId}/approval", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Approval", description = "Applied organisations become members")
public class ApprovalController {

    private final OrganisationApproval approval;

    public ApprovalController(OrganisationApproval approval) {
        this.approval = approval;
    }

    @Operation(summary = "Approve an applied organisation", description = "By a regional body of its bureau or an "
            + "administrator; publishes member-approved, which activates the owner's account.")
    @ApiResponse(responseCode = "200", description = "Approved: the organisation is ACTIVE")
    @ApiResponse(responseCode = "403", description = "The caller may see but not approve it", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such organisation, as far as the caller may know", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "Not APPLIED, or changed meanwhile", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping
    public Mono<OrganisationResponse> approve(@PathVariable String organisationId) {
        return Mono.zip(ServiceAccessConfiguration.caller(), RequestCorrelation.current())
                .flatMap(callerAndCorrelation -> approval.approve(organisationId, callerAndCorrelation.getT1(),
                        callerAndCorrelation.getT2()))
                .map(OrganisationResponse::of);
    }
}
