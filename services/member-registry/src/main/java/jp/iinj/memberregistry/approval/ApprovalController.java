package jp.iinj.memberregistry.approval;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.iinj.httpapi.core.conditional.RevisionTag;
import jp.iinj.httpapi.security.CallerRequest;
import jp.iinj.memberregistry.organisation.OrganisationResponse;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(path = "/api/members/organisations/{organisationId}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Approval", description = "Applications are approved or rejected by a regional body of the "
        + "organisation's bureau or an administrator. If-Match is optional here; when sent, a stale one gets 412.")
@ApiResponse(responseCode = "403", description = "The caller may see but not decide")
@ApiResponse(responseCode = "404", description = "No such organisation, as far as the caller may know")
@ApiResponse(responseCode = "409", description = "Not allowed in its status, flagged as a possible duplicate, or "
        + "changed meanwhile")
public class ApprovalController {

    private final ApplicationDecisions decisions;

    public ApprovalController(ApplicationDecisions decisions) {
        this.decisions = decisions;
    }

    @Operation(summary = "Approve an applied organisation", description = "APPLIED → ACTIVE until the end of the "
            + "first term; publishes member-approved, which activates the owner's account.")
    @ApiResponse(responseCode = "200", description = "Approved: the organisation is ACTIVE")
    @PostMapping("/approval")
    public Mono<ResponseEntity<OrganisationResponse>> approve(
            @PathVariable String organisationId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Long expected = RevisionTag.expectedRevisionIfAny(ifMatch);
        return CallerRequest.current()
                .flatMap(context -> decisions.approve(organisationId, context, expected)
                        .map(approved -> OrganisationResponse.okWithETag(approved, context.caller())));
    }

    @Operation(summary = "Reject an applied organisation", description = "APPLIED → REJECTED with a reason code "
            + "(published in member-rejected) and an optional note (kept in the registry).")
    @ApiResponse(responseCode = "200", description = "Rejected")
    @PostMapping(path = "/rejection", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<OrganisationResponse>> reject(
            @PathVariable String organisationId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody DecisionRequests.RejectApplication request) {
        Long expected = RevisionTag.expectedRevisionIfAny(ifMatch);
        return CallerRequest.current()
                .flatMap(context -> decisions.reject(organisationId, request, context, expected)
                        .map(rejected -> OrganisationResponse.okWithETag(rejected, context.caller())));
    }

    @Operation(summary = "Clear a duplicate flag", description = "The approver checked the organisations listed in "
            + "possibleDuplicateOf and found it is not one of them; it can then be approved.")
    @ApiResponse(responseCode = "200", description = "Cleared")
    @PostMapping("/duplicate-review/clearance")
    public Mono<ResponseEntity<OrganisationResponse>> clearDuplicateReview(
            @PathVariable String organisationId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Long expected = RevisionTag.expectedRevisionIfAny(ifMatch);
        return CallerRequest.current()
                .flatMap(context -> decisions.clearDuplicateReview(organisationId, context, expected)
                        .map(cleared -> OrganisationResponse.okWithETag(cleared, context.caller())));
    }
}
