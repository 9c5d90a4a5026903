package jp.iinj.memberregistry.profile;

import jp.iinj.memberregistry.people.Departures;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.iinj.httpapi.core.conditional.RevisionTag;
import jp.iinj.httpapi.core.problems.ResourceNotFoundException;
import jp.iinj.httpapi.security.CallerRequest;
import jp.iinj.httpapi.security.PlatformCallers;
import jp.iinj.memberregistry.commands.OrganisationChanges;
import jp.iinj.memberregistry.organisation.OrganisationResponse;
import jp.iinj.memberregistry.organisation.Organisations;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(path = "/api/members/organisations/{organisationId}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Profile", description = "An organisation's profile: read it, change it")
public class ProfileController {

    private final Organisations organisations;
    private final OrganisationChanges changes;
    private final ProfileRules rules;
    private final Departures departures;

    public ProfileController(Organisations organisations, OrganisationChanges changes, ProfileRules rules,
                             Departures departures) {
        this.departures = departures;
        this.organisations = organisations;
        this.changes = changes;
        this.rules = rules;
    }

    @Operation(summary = "Read an organisation", description = "Visible to the organisation's own people, the "
            + "regional bodies and coordinators of its bureau, and administrators; to anyone else it does not exist. "
            + "Personal data (owner, contacts, address, notes) only for the organisation, its approvers and "
            + "administrators. The ETag is what an update sends back in If-Match.")
    @ApiResponse(responseCode = "200", description = "The organisation")
    @ApiResponse(responseCode = "404", description = "No such organisation")
    @GetMapping
    public Mono<ResponseEntity<OrganisationResponse>> organisation(@PathVariable String organisationId) {
        return PlatformCallers.caller()
                .flatMap(caller -> organisations.byId(organisationId)
                        .filterWhen(organisation -> departures.visibleTo(organisation, caller))
                        .map(organisation -> OrganisationResponse.okWithETag(organisation, caller)))
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("no organisation " + organisationId)));
    }

    @Operation(summary = "Replace the profile", description = "By the organisation's own people or an "
            + "administrator, with If-Match: the ETag read. Publishes member-profile-updated (public fields only).")
    @ApiResponse(responseCode = "200", description = "The organisation after the change, with its new ETag")
    @ApiResponse(responseCode = "400", description = "Invalid profile: see errors[].field")
    @ApiResponse(responseCode = "403", description = "May see but not change it, or acts for it while it is not an ACTIVE member")
    @ApiResponse(responseCode = "412", description = "Changed since the ETag sent")
    @ApiResponse(responseCode = "428", description = "No If-Match")
    @PutMapping(path = "/profile", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<OrganisationResponse>> updateProfile(
            @PathVariable String organisationId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody ProfileInput request) {
        long expectedRevision = RevisionTag.expectedRevision(ifMatch);
        return Mono.zip(CallerRequest.current(), rules.check(request, List.of()))
                .flatMap(context -> changes.onBehalfOf(context.getT1(), organisationId, expectedRevision,
                                new UpdateProfile(context.getT2()))
                        .map(changed -> OrganisationResponse.okWithETag(changed, context.getT1().caller())));
    }
}
