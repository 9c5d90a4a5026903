package jp.iinj.coordination.cases;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
import jp.iinj.contracts.regions.RegionalBureau;
import jp.iinj.httpapi.core.conditional.RevisionTag;
import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.httpapi.core.problems.InvalidField;
import jp.iinj.httpapi.security.CallerRequest;
import jp.iinj.httpapi.security.PlatformCallers;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(path = "/api/coordination/cases", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Cases", description = "One case per agreed match, assigned at once to a coordinator who accepts or "
        + "declines it, moves it through first contact, introduction and negotiation, and closes it with an outcome. "
        + "Regional bodies oversee and reassign their bureaus' cases; the two members read theirs.")
public class CaseController {

    private final CaseActions actions;
    private final Clock clock;

    public CaseController(CaseActions actions, Clock clock) {
        this.actions = actions;
        this.clock = clock;
    }

    @Operation(summary = "List cases", description = "view=mine (default): a coordinator's open cases, soonest due "
            + "first (acceptance, then first contact), or a member's cases, newest first; view=queue, overdue or "
            + "escalated with bureau: a bureau's cases, for its regional body and administrators. Only the parameters "
            + "below are accepted, each once.")
    @Parameter(name = "view", in = ParameterIn.QUERY, description = "mine, queue, overdue or escalated")
    @Parameter(name = "bureau", in = ParameterIn.QUERY, description = "a bureau id; required by the bureau views")
    @Parameter(name = "stage", in = ParameterIn.QUERY, description = "with view=mine: FIRST_CONTACT, "
            + "INTRODUCTION_MADE or NEGOTIATING")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "1 to 500, 200 by default")
    @ApiResponse(responseCode = "200", description = "The cases")
    @ApiResponse(responseCode = "400", description = "An unknown, repeated or invalid parameter")
    @ApiResponse(responseCode = "403", description = "Not for the caller, or a bureau that is not the caller's")
    @GetMapping
    public Mono<CaseResponse.CaseList> listCases(
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
        CaseListRequest request = CaseListRequest.from(query);
        return PlatformCallers.caller().flatMap(caller -> actions.list(request, caller)
                .map(found -> new CaseResponse.CaseList(found.stream()
                        .map(c -> CaseResponse.of(c, caller, clock.instant())).toList())));
    }

    @Operation(summary = "My workload", description = "A coordinator's open cases by stage and urgency.")
    @ApiResponse(responseCode = "200", description = "Counts and the cases, most urgent first")
    @ApiResponse(responseCode = "403", description = "Not a coordinator")
    @GetMapping("/workload")
    public Mono<Workload.Mine> myWorkload() {
        return PlatformCallers.caller().flatMap(actions::myWorkload);
    }

    @Operation(summary = "A bureau's workload", description = "Open cases against capacity for each active "
            + "coordinator covering the bureau, and its unassigned and overdue cases.")
    @ApiResponse(responseCode = "200", description = "The load")
    @ApiResponse(responseCode = "400", description = "Not a bureau id")
    @ApiResponse(responseCode = "403", description = "Not the bureau's regional body nor an administrator")
    @GetMapping("/workload/{bureau}")
    public Mono<Workload.OfBureau> bureauWorkload(@PathVariable String bureau) {
        if (RegionalBureau.byId(bureau).isEmpty()) {
            return Mono.error(new FieldValidationException(List.of(new InvalidField("bureau", "unknown bureau"))));
        }
        return PlatformCallers.caller().flatMap(caller -> actions.bureauWorkload(bureau, caller));
    }

    @Operation(summary = "Read a case")
    @ApiResponse(responseCode = "200", description = "The case, with its ETag")
    @ApiResponse(responseCode = "404", description = "No such case, as far as the caller may know")
    @GetMapping("/{caseId}")
    public Mono<ResponseEntity<CaseResponse>> readCase(@PathVariable String caseId) {
        return PlatformCallers.caller().flatMap(caller -> actions.read(caseId, caller)
                .map(found -> CaseResponse.okWithETag(found, caller, clock.instant())));
    }

    @Operation(summary = "Accept the case", description = "The assigned coordinator takes it on. If-Match optional.")
    @ApiResponse(responseCode = "200", description = "The accepted case")
    @ApiResponse(responseCode = "403", description = "Not the assigned coordinator")
    @ApiResponse(responseCode = "404", description = "No such case, as far as the caller may know")
    @ApiResponse(responseCode = "409", description = "Not awaiting acceptance, or changed meanwhile")
    @ApiResponse(responseCode = "412", description = "If-Match names an older version")
    @PostMapping("/{caseId}/acceptance")
    public Mono<ResponseEntity<CaseResponse>> acceptCase(
            @PathVariable String caseId, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Long revision = RevisionTag.expectedRevisionIfAny(ifMatch);
        return act(request -> actions.accept(caseId, request, revision));
    }

    @Operation(summary = "Decline the case", description = "The assigned coordinator will not take it: it goes to "
            + "the next best coordinator, or to the bureaus' queue when nobody else is eligible. The case is no longer "
            + "the caller's to see, so nothing is returned. If-Match optional.")
    @ApiResponse(responseCode = "204", description = "Declined; the case is reassigned or queued")
    @ApiResponse(responseCode = "400", description = "Field errors")
    @ApiResponse(responseCode = "403", description = "Not the assigned coordinator")
    @ApiResponse(responseCode = "404", description = "No such case, as far as the caller may know")
    @ApiResponse(responseCode = "409", description = "Not awaiting acceptance, or changed meanwhile")
    @ApiResponse(responseCode = "412", description = "If-Match names an older version")
    @PostMapping(path = "/{caseId}/decline", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Void>> declineCase(
            @PathVariable String caseId, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody CaseRequests.Decline decline) {
        Long revision = RevisionTag.expectedRevisionIfAny(ifMatch);
        return CallerRequest.current().flatMap(request -> actions.decline(caseId, decline, request, revision))
                .map(declined -> ResponseEntity.noContent().<Void>build());
    }

    @Operation(summary = "Move the case to a later stage", description = "FIRST_CONTACT → INTRODUCTION_MADE → "
            + "NEGOTIATING, forward only; skipped stages count as reached at the same time. If-Match optional.")
    @ApiResponse(responseCode = "200", description = "The case at its new stage")
    @ApiResponse(responseCode = "400", description = "Field errors")
    @ApiResponse(responseCode = "403", description = "Not the case's coordinator")
    @ApiResponse(responseCode = "404", description = "No such case, as far as the caller may know")
    @ApiResponse(responseCode = "409", description = "Not accepted, not forward, closed, or changed meanwhile")
    @ApiResponse(responseCode = "412", description = "If-Match names an older version")
    @PostMapping(path = "/{caseId}/stage", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<CaseResponse>> changeStage(
            @PathVariable String caseId, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody CaseRequests.StageChange change) {
        Long revision = RevisionTag.expectedRevisionIfAny(ifMatch);
        return act(request -> actions.reachStage(caseId, change, request, revision));
    }

    @Operation(summary = "Close the case with an outcome", description = "With the reason in words, which stay here; "
            + "case-closed carries the outcome. If-Match optional.")
    @ApiResponse(responseCode = "200", description = "The closed case")
    @ApiResponse(responseCode = "400", description = "Field errors")
    @ApiResponse(responseCode = "403", description = "Neither its coordinator, its bureau's regional body nor an "
            + "administrator")
    @ApiResponse(responseCode = "404", description = "No such case, as far as the caller may know")
    @ApiResponse(responseCode = "409", description = "Already closed, or changed meanwhile")
    @ApiResponse(responseCode = "412", description = "If-Match names an older version")
    @PostMapping(path = "/{caseId}/closure", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<CaseResponse>> closeCase(
            @PathVariable String caseId, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody CaseRequests.Closure closure) {
        Long revision = RevisionTag.expectedRevisionIfAny(ifMatch);
        return act(request -> actions.close(caseId, closure, request, revision));
    }

    @Operation(summary = "Add a note", description = "To the case's log, with its author and time. If-Match "
            + "optional.")
    @ApiResponse(responseCode = "201", description = "The case with the note")
    @ApiResponse(responseCode = "400", description = "Field errors")
    @ApiResponse(responseCode = "403", description = "Neither its coordinator, its bureau's regional body nor an "
            + "administrator")
    @ApiResponse(responseCode = "404", description = "No such case, as far as the caller may know")
    @ApiResponse(responseCode = "409", description = "The log is full, or changed meanwhile")
    @ApiResponse(responseCode = "412", description = "If-Match names an older version")
    @PostMapping(path = "/{caseId}/notes", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<CaseResponse>> addNote(
            @PathVariable String caseId, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody CaseRequests.NewNote note) {
        Long revision = RevisionTag.expectedRevisionIfAny(ifMatch);
        return CallerRequest.current().flatMap(request -> actions.note(caseId, note, request, revision)
                .map(noted -> ResponseEntity.status(HttpStatus.CREATED)
                        .location(URI.create("/api/coordination/cases/" + noted.id()))
                        .eTag(RevisionTag.of(noted.revision()))
                        .body(CaseResponse.of(noted, request.caller(), clock.instant()))));
    }

    @Operation(summary = "Reassign the case by hand", description = "To an active coordinator covering a party's "
            + "bureau, or back to the queue. If-Match optional.")
    @ApiResponse(responseCode = "200", description = "The case, with its new coordinator or queued")
    @ApiResponse(responseCode = "400", description = "Field errors")
    @ApiResponse(responseCode = "403", description = "Neither the regional body of a party's bureau nor an "
            + "administrator")
    @ApiResponse(responseCode = "404", description = "No such case, as far as the caller may know")
    @ApiResponse(responseCode = "409", description = "Coordinator not eligible, already theirs, closed, or changed "
            + "meanwhile")
    @ApiResponse(responseCode = "412", description = "If-Match names an older version")
    @PostMapping(path = "/{caseId}/reassignment", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<CaseResponse>> reassignCase(
            @PathVariable String caseId, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody CaseRequests.Reassignment reassignment) {
        Long revision = RevisionTag.expectedRevisionIfAny(ifMatch);
        return act(request -> actions.reassign(caseId, reassignment, request, revision));
    }

    private Mono<ResponseEntity<CaseResponse>> act(
            java.util.function.Function<CallerRequest, Mono<CoordinationCase>> action) {
        return CallerRequest.current().flatMap(request -> action.apply(request)
                .map(changed -> CaseResponse.okWithETag(changed, request.caller(), clock.instant())));
    }
}
