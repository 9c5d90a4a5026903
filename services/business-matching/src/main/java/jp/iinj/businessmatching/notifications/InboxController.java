package jp.iinj.businessmatching.notifications;

import java.time.Instant;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.iinj.httpapi.core.access.PlatformPrincipal;
import jp.iinj.httpapi.core.problems.ResourceNotFoundException;
import jp.iinj.httpapi.security.PlatformCallers;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(path = "/api/matching/members/{memberId}/inbox", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Inbox", description = "What a member's people were told (also by e-mail, from identity): new proposals, "
        + "interests received and answered, reminders.")
public class InboxController {

    private final MemberInbox inbox;

    public InboxController(MemberInbox inbox) {
        this.inbox = inbox;
    }

    /** One notification: what happened and where in the portal to look. */
    public record Item(String id, String kind, String link, Instant at, boolean read) {
    }

    /** The latest notifications, newest first, and how many are unread among them. */
    public record Inbox(List<Item> items, long unread) {
    }

    @Operation(summary = "A member's inbox", description = "The latest 50 notifications, for the member's own people.")
    @ApiResponse(responseCode = "200", description = "The inbox")
    @ApiResponse(responseCode = "404", description = "No such member, as far as the caller may know")
    @GetMapping
    public Mono<Inbox> readInbox(@PathVariable String memberId) {
        return ownPeople(memberId).flatMap(caller -> inbox.latest(memberId))
                .map(entries -> new Inbox(entries.stream().map(entry -> new Item(entry.id(), entry.kind(),
                        entry.link(), entry.at(), entry.readAt() != null)).toList(),
                        entries.stream().filter(entry -> entry.readAt() == null).count()));
    }

    @Operation(summary = "Mark the inbox read", description = "For the member's own people.")
    @ApiResponse(responseCode = "204", description = "Marked")
    @ApiResponse(responseCode = "404", description = "No such member, as far as the caller may know")
    @PostMapping("/read")
    public Mono<ResponseEntity<Void>> markInboxRead(@PathVariable String memberId) {
        return ownPeople(memberId).flatMap(caller -> inbox.markRead(memberId))
                .thenReturn(ResponseEntity.noContent().build());
    }

    private static Mono<PlatformPrincipal> ownPeople(String memberId) {
        return PlatformCallers.caller().filter(caller -> caller.actsFor(memberId))
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("no member " + memberId)));
    }
}
