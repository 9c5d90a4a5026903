package jp.iinj.coordination.roster;

import java.net.URI;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jp.iinj.httpapi.core.conditional.RevisionTag;
import jp.iinj.httpapi.security.PlatformCallers;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(path = "/api/coordination/coordinators", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Roster", description = "Coordinators: the bureaus and prefectures they cover, expertise, languages, "
        + "capacity and availability. Administrators maintain every entry, regional bodies those of their own "
        + "bureaus; a coordinator reads their own.")
public class RosterController {

    private final RosterActions actions;

    public RosterController(RosterActions actions) {
        this.actions = actions;
    }

    @Operation(summary = "List the roster", description = "By name, as far as the caller may see it: everything for "
            + "an administrator, the coordinators covering its bureaus for a regional body, their own entry for a "
            + "coordinator. Only the parameters below are accepted, each once.")
    @Parameter(name = "bureau", in = ParameterIn.QUERY, description = "a bureau id, e.g. kanto")
    @Parameter(name = "active", in = ParameterIn.QUERY, description = "true (default): assignable entries; false: "
            + "deactivated ones")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "1 to 500, 200 by default")
    @ApiResponse(responseCode = "200", description = "The entries")
    @ApiResponse(responseCode = "400", description = "An unknown, repeated or invalid parameter")
    @ApiResponse(responseCode = "403", description = "Not for the caller, or a bureau that is not the caller's")
    @GetMapping
    public Mono<CoordinatorRequests.CoordinatorList> listCoordinators(
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
        RosterListRequest request = RosterListRequest.from(query);
        return PlatformCallers.caller().flatMap(caller -> actions.list(request, caller))
                .map(found -> new CoordinatorRequests.CoordinatorList(
                        found.stream().map(CoordinatorResponse::of).toList()));
    }

    @Operation(summary = "Put a coordinator on the roster", description = "One entry per identity subject. A "
            + "regional body adds coordinators whose bureaus are all its own.")
    @ApiResponse(responseCode = "201", description = "The entry, with its ETag")
    @ApiResponse(responseCode = "400", description = "Field errors")
    @ApiResponse(responseCode = "403", description = "The caller may not maintain these bureaus' roster")
    @ApiResponse(responseCode = "409", description = "This subject is already on the roster")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<CoordinatorResponse>> addCoordinator(
            @Valid @RequestBody CoordinatorRequests.NewCoordinator request) {
        return PlatformCallers.caller().flatMap(caller -> actions.add(request, caller))
                .map(added -> ResponseEntity.created(URI.create("/api/coordination/coordinators/" + added.id()))
                        .eTag(RevisionTag.of(added.revision())).body(CoordinatorResponse.of(added)));
    }

    @Operation(summary = "Read a coordinator's entry")
    @ApiResponse(responseCode = "200", description = "The entry, with its ETag")
    @ApiResponse(responseCode = "404", description = "No such entry, as far as the caller may know")
    @GetMapping("/{coordinatorId}")
    public Mono<ResponseEntity<CoordinatorResponse>> readCoordinator(@PathVariable String coordinatorId) {
        return PlatformCallers.caller().flatMap(caller -> actions.read(coordinatorId, caller))
                .map(CoordinatorResponse::okWithETag);
    }

    @Operation(summary = "Change a coordinator's entry", description = "Replaces what the roster says of them; "
            + "If-Match is required.")
    @ApiResponse(responseCode = "200", description = "The entry after the change")
    @ApiResponse(responseCode = "400", description = "Field errors")
    @ApiResponse(responseCode = "403", description = "The caller may not maintain this entry, or move it there")
    @ApiResponse(responseCode = "404", description = "No such entry, as far as the caller may know")
    @ApiResponse(responseCode = "409", description = "Changed meanwhile")
    @ApiResponse(responseCode = "412", description = "If-Match names an older version")
    @ApiResponse(responseCode = "428", description = "If-Match is missing")
    @PutMapping(path = "/{coordinatorId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<CoordinatorResponse>> updateCoordinator(
            @PathVariable String coordinatorId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody CoordinatorRequests.CoordinatorInput input) {
        long revision = RevisionTag.expectedRevision(ifMatch);
        return PlatformCallers.caller().flatMap(caller -> actions.update(coordinatorId, input, caller, revision))
                .map(CoordinatorResponse::okWithETag);
    }

    @Operation(summary = "Take a coordinator off the roster", description = "Deactivates the entry: it stays for the "
            + "history of their cases and is never assigned again until reactivated. If-Match is optional.")
    @ApiResponse(responseCode = "200", description = "The deactivated entry")
    @ApiResponse(responseCode = "403", description = "The caller may not maintain this entry")
    @ApiResponse(responseCode = "404", description = "No such entry, as far as the caller may know")
    @ApiResponse(responseCode = "409", description = "Already deactivated, or changed meanwhile")
    @ApiResponse(responseCode = "412", description = "If-Match names an older version")
    @PostMapping("/{coordinatorId}/deactivation")
    public Mono<ResponseEntity<CoordinatorResponse>> deactivateCoordinator(
            @PathVariable String coordinatorId, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Long revision = RevisionTag.expectedRevisionIfAny(ifMatch);
        return PlatformCallers.caller().flatMap(caller -> actions.deactivate(coordinatorId, caller, revision))
                .map(CoordinatorResponse::okWithETag);
    }

    @Operation(summary = "Put a deactivated coordinator back on the roster", description = "If-Match is optional.")
    @ApiResponse(responseCode = "200", description = "The active entry")
    @ApiResponse(responseCode = "403", description = "The caller may not maintain this entry")
    @ApiResponse(responseCode = "404", description = "No such entry, as far as the caller may know")
    @ApiResponse(responseCode = "409", description = "Already active, or changed meanwhile")
    @ApiResponse(responseCode = "412", description = "If-Match names an older version")
    @PostMapping("/{coordinatorId}/reactivation")
    public Mono<ResponseEntity<CoordinatorResponse>> reactivateCoordinator(
            @PathVariable String coordinatorId, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Long revision = RevisionTag.expectedRevisionIfAny(ifMatch);
        return PlatformCallers.caller().flatMap(caller -> actions.reactivate(coordinatorId, caller, revision))
                .map(CoordinatorResponse::okWithETag);
    }
}
