package jp.iinj.businessmatching.profiles;

import java.net.URI;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jp.iinj.httpapi.core.conditional.RevisionTag;
import jp.iinj.httpapi.security.CallerRequest;
import jp.iinj.httpapi.security.PlatformCallers;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(path = "/api/matching", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Partnering profiles", description = "Technology and business offers and requests: draft, publish, "
        + "renew, withdraw. Published profiles are anonymous to other members until they agree to be introduced.")
public class ProfileController {

    private final ProfileActions actions;

    public ProfileController(ProfileActions actions) {
        this.actions = actions;
    }

    @Operation(summary = "Draft a profile", description = "For a member, by its people or by a coordinator of its "
            + "bureau (recorded as such). A draft needs only a title; it is private until published.")
    @ApiResponse(responseCode = "201", description = "The draft, with its ETag")
    @ApiResponse(responseCode = "403", description = "The caller does not act for this member, its membership is not "
            + "active, or its organisation type may not publish this type")
    @ApiResponse(responseCode = "404", description = "No such member, as far as the caller may know")
    @PostMapping(path = "/profiles", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<ProfileResponse>> draftProfile(@Valid @RequestBody ProfileRequests.NewDraft request) {
        return CallerRequest.current()
                .flatMap(caller -> actions.draft(request, caller))
                .map(draft -> ResponseEntity.created(URI.create("/api/matching/profiles/" + draft.id()))
                        .eTag(RevisionTag.of(draft.revision())).body(ProfileResponse.of(draft)));
    }

    @Operation(summary = "Read a profile", description = "In full (ProfileResponse) for the member's side: its people, "
            + "coordinators and regional bodies of its bureau, administrators. Other members see a published profile "
            + "of an active member anonymously (PublishedProfileView): organisation type, size band and bureau only.")
    @ApiResponse(responseCode = "200", description = "The profile as the caller may see it")
    @ApiResponse(responseCode = "404", description = "No such profile, as far as the caller may know")
    @GetMapping("/profiles/{profileId}")
    public Mono<Object> readProfile(@PathVariable String profileId) {
        return PlatformCallers.caller().flatMap(caller -> actions.read(profileId, caller));
    }

    @Operation(summary = "Edit a draft", description = "Replaces the draft's content; If-Match is required.")
    @ApiResponse(responseCode = "200", description = "The draft after the edit")
    @ApiResponse(responseCode = "404", description = "No such profile, as far as the caller may know")
    @ApiResponse(responseCode = "409", description = "Not a draft, or changed meanwhile")
    @ApiResponse(responseCode = "412", description = "If-Match names an older version")
    @ApiResponse(responseCode = "428", description = "If-Match is missing")
    @PutMapping(path = "/profiles/{profileId}/content", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<ProfileResponse>> editDraft(@PathVariable String profileId,
                                                     @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                     @Valid @RequestBody ProfileInput content) {
        long revision = RevisionTag.expectedRevision(ifMatch);
        return CallerRequest.current()
                .flatMap(caller -> actions.edit(profileId, content, caller, revision))
                .map(ProfileResponse::okWithETag);
    }

    @Operation(summary = "Publish a draft", description = "DRAFT → PUBLISHED for the network's term (12 months by "
            + "default); it is matched against every published counterpart. If-Match is optional.")
    @ApiResponse(responseCode = "200", description = "The published profile")
    @ApiResponse(responseCode = "400", description = "Not complete enough to publish (field errors)")
    @ApiResponse(responseCode = "404", description = "No such profile, as far as the caller may know")
    @ApiResponse(responseCode = "409", description = "Not a draft, or changed meanwhile")
    @PostMapping("/profiles/{profileId}/publication")
    public Mono<ResponseEntity<ProfileResponse>> publishProfile(@PathVariable String profileId,
                                                        @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Long revision = RevisionTag.expectedRevisionIfAny(ifMatch);
        return CallerRequest.current().flatMap(caller -> actions.publish(profileId, caller, revision))
                .map(ProfileResponse::okWithETag);
    }

    @Operation(summary = "Renew a profile", description = "A published or expired profile runs for another term from "
            + "today and is matched again. If-Match is optional.")
    @ApiResponse(responseCode = "200", description = "The renewed profile")
    @ApiResponse(responseCode = "404", description = "No such profile, as far as the caller may know")
    @ApiResponse(responseCode = "409", description = "A draft or a withdrawn profile, or changed meanwhile")
    @PostMapping("/profiles/{profileId}/renewal")
    public Mono<ResponseEntity<ProfileResponse>> renewProfile(@PathVariable String profileId,
                                                      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Long revision = RevisionTag.expectedRevisionIfAny(ifMatch);
        return CallerRequest.current().flatMap(caller -> actions.renew(profileId, caller, revision))
                .map(ProfileResponse::okWithETag);
    }

    @Operation(summary = "Withdraw a profile", description = "Takes it out of the database for good (a draft, too). "
            + "The member can withdraw what a coordinator published for it. If-Match is optional.")
    @ApiResponse(responseCode = "200", description = "The withdrawn profile")
    @ApiResponse(responseCode = "404", description = "No such profile, as far as the caller may know")
    @ApiResponse(responseCode = "409", description = "Already withdrawn, or changed meanwhile")
    @PostMapping("/profiles/{profileId}/withdrawal")
    public Mono<ResponseEntity<ProfileResponse>> withdrawProfile(@PathVariable String profileId,
                                                         @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Long revision = RevisionTag.expectedRevisionIfAny(ifMatch);
        return CallerRequest.current().flatMap(caller -> actions.withdraw(profileId, caller, revision))
                .map(ProfileResponse::okWithETag);
    }

    @Operation(summary = "A member's profiles", description = "Drafts, published, expired and withdrawn, newest first "
            + "(at most 200), for the member's side only.")
    @ApiResponse(responseCode = "200", description = "The member's profiles")
    @ApiResponse(responseCode = "404", description = "No such member, as far as the caller may know")
    @GetMapping("/members/{memberId}/profiles")
    public Mono<ProfileRequests.ProfileList> profilesOfMember(@PathVariable String memberId) {
        return PlatformCallers.caller().flatMap(caller -> actions.ofMember(memberId, caller))
                .map(profiles -> new ProfileRequests.ProfileList(profiles.stream().map(ProfileResponse::of).toList()));
    }
}
