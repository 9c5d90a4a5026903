package jp.iinj.businessmatching.interests;

import java.net.URI;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jp.iinj.businessmatching.members.MatchingMembers;
import jp.iinj.httpapi.core.problems.ResourceNotFoundException;
import jp.iinj.httpapi.security.CallerRequest;
import jp.iinj.httpapi.security.PlatformCallers;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(path = "/api/matching", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Expressions of interest", description = "A member says why it is interested in a profile; the owner "
        + "accepts (both identities are disclosed and the match is agreed) or declines with a reason the other side "
        + "sees. Unanswered ones expire, after a reminder to both sides.")
public class InterestController {

    private final InterestActions actions;
    private final ReactiveMongoTemplate mongo;
    private final MatchingMembers members;

    public InterestController(InterestActions actions, ReactiveMongoTemplate mongo, MatchingMembers members) {
        this.actions = actions;
        this.mongo = mongo;
        this.members = members;
    }

    @Operation(summary = "Express interest in a profile", description = "By the interested member's own people, "
            + "while both members are active and the profile is published; with a proposal, the member's own profile "
            + "from it goes along. The owner is told.")
    @ApiResponse(responseCode = "201", description = "The open interest")
    @ApiResponse(responseCode = "403", description = "The caller does not act for this member, or it is not active")
    @ApiResponse(responseCode = "404", description = "No such published profile or proposal")
    @ApiResponse(responseCode = "409", description = "The problem's code says why: interest-already-open, "
            + "open-interest-cap-reached or own-profile")
    @PostMapping(path = "/interests", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<InterestView>> expressInterest(@Valid @RequestBody InterestRequests.Express request) {
        return CallerRequest.current()
                .flatMap(caller -> actions.express(request, caller)
                        .flatMap(interest -> actions.read(interest.id(), caller.caller())))
                .map(view -> ResponseEntity.created(URI.create("/api/matching/interests/" + view.id())).body(view));
    }

    @Operation(summary = "Read an interest", description = "For its two sides; the other side is anonymous until "
            + "accepted.")
    @ApiResponse(responseCode = "200", description = "The interest")
    @ApiResponse(responseCode = "404", description = "No such interest, as far as the caller may know")
    @GetMapping("/interests/{interestId}")
    public Mono<InterestView> readInterest(@PathVariable String interestId) {
        return PlatformCallers.caller().flatMap(caller -> actions.read(interestId, caller));
    }

    @Operation(summary = "Accept an interest", description = "By the profile owner's people: the match is agreed, "
            + "both identities are disclosed to each other (recorded), match-agreed is published once whoever clicks "
            + "twice, and both sides are told.")
    @ApiResponse(responseCode = "200", description = "The accepted interest, with the match id")
    @ApiResponse(responseCode = "403", description = "The caller is the interested side, not the owner")
    @ApiResponse(responseCode = "404", description = "No such interest, as far as the caller may know")
    @ApiResponse(responseCode = "409", description = "The problem's code says why: interest-not-open (declined or "
            + "expired), member-not-active or profile-not-published")
    @PostMapping("/interests/{interestId}/acceptance")
    public Mono<InterestView> acceptInterest(@PathVariable String interestId) {
        return CallerRequest.current().flatMap(caller -> actions.accept(interestId, caller)
                .flatMap(accepted -> actions.read(accepted.id(), caller.caller())));
    }

    @Operation(summary = "Decline an interest", description = "By the profile owner's people, with a reason code "
            + "(published) and optionally a note; the interested side sees both and is told.")
    @ApiResponse(responseCode = "200", description = "The declined interest")
    @ApiResponse(responseCode = "403", description = "The caller is the interested side, not the owner")
    @ApiResponse(responseCode = "404", description = "No such interest, as far as the caller may know")
    @ApiResponse(responseCode = "409", description = "The problem's code says why: interest-not-open (answered or "
            + "expired) or member-not-active")
    @PostMapping(path = "/interests/{interestId}/decline", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<InterestView> declineInterest(@PathVariable String interestId,
                                      @Valid @RequestBody InterestRequests.Decline request) {
        return CallerRequest.current().flatMap(caller -> actions.decline(interestId, request, caller)
                .flatMap(declined -> actions.read(declined.id(), caller.caller())));
    }

    @Operation(summary = "A member's interests", description = "Sent or received, optionally of one status, newest "
            + "first (at most 200); for the member's own people.")
    @ApiResponse(responseCode = "200", description = "The interests")
    @ApiResponse(responseCode = "404", description = "No such member, as far as the caller may know")
    @GetMapping("/members/{memberId}/interests")
    public Mono<InterestView.InterestList> interestsOfMember(@PathVariable String memberId,
                                                    @RequestParam InterestView.Direction direction,
                                                    @RequestParam(required = false) InterestStatus status) {
        return PlatformCallers.caller()
                .filter(caller -> caller.actsFor(memberId))
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("no member " + memberId)))
                .flatMap(caller -> InterestViews.sentOrReceived(mongo, members, memberId, direction, status))
                .map(InterestView.InterestList::new);
    }
}
