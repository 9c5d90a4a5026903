package jp.iinj.memberregistry.membership;

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
@Tag(name = "Membership", description = "Suspension, reinstatement, withdrawal and annual renewal. Every step "
        + "publishes an event on membership.member-events.v1. If-Match is optional; when sent, a stale one gets 412.")
@ApiResponse(responseCode = "200", description = "Done: the organisation after the step")
@ApiResponse(responseCode = "403", description = "The caller may see but not do this, or acts for it "
        + "while it is not an ACTIVE member")
@ApiResponse(responseCode = "404", description = "No such organisation, as far as the caller may know")
@ApiResponse(responseCode = "409", description = "Not allowed in its status (or renewal not open yet), or changed "
        + "meanwhile")
public class MembershipController {

    private final MembershipActions actions;

    public MembershipController(MembershipActions actions) {
        this.actions = actions;
    }

    @Operation(summary = "Suspend a membership", description = "ACTIVE → SUSPENDED; a regional body of the bureau or "
            + "an administrator, with a reason code (published) and an optional note (kept here).")
    @PostMapping(path = "/suspension", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<OrganisationResponse>> suspend(
            @PathVariable String organisationId, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody MembershipRequests.Suspend request) {
        Long expected = RevisionTag.expectedRevisionIfAny(ifMatch);
        return CallerRequest.current()
                .flatMap(context -> actions.suspend(organisationId, request, context, expected)
                        .map(changed -> OrganisationResponse.okWithETag(changed, context.caller())));
    }

    @Operation(summary = "Reinstate a suspended membership", description = "SUSPENDED → ACTIVE; a regional body of "
            + "the bureau or an administrator.")
    @PostMapping("/reinstatement")
    public Mono<ResponseEntity<OrganisationResponse>> reinstate(
            @PathVariable String organisationId, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Long expected = RevisionTag.expectedRevisionIfAny(ifMatch);
        return CallerRequest.current()
                .flatMap(context -> actions.reinstate(organisationId, context, expected)
                        .map(changed -> OrganisationResponse.okWithETag(changed, context.caller())));
    }

    @Operation(summary = "Withdraw from the network", description = "ACTIVE → WITHDRAWN; the organisation's own "
            + "people or an administrator, with a reason code (published) and an optional note (kept here).")
    @PostMapping(path = "/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<OrganisationResponse>> withdraw(
            @PathVariable String organisationId, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody MembershipRequests.Withdraw request) {
        Long expected = RevisionTag.expectedRevisionIfAny(ifMatch);
        return CallerRequest.current()
                .flatMap(context -> actions.withdraw(organisationId, request, context, expected)
                        .map(changed -> OrganisationResponse.okWithETag(changed, context.caller())));
    }

    @Operation(summary = "Renew the annual membership", description = "ACTIVE stays ACTIVE, expiresOn moves one term "
            + "on from the current expiry; open from 90 days before expiry through the grace period. The "
            + "organisation's own people, a regional body of the bureau or an administrator.")
    @PostMapping("/renewal")
    public Mono<ResponseEntity<OrganisationResponse>> renew(
            @PathVariable String organisationId, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Long expected = RevisionTag.expectedRevisionIfAny(ifMatch);
        return CallerRequest.current()
                .flatMap(context -> actions.renew(organisationId, context, expected)
                        .map(changed -> OrganisationResponse.okWithETag(changed, context.caller())));
    }
}
