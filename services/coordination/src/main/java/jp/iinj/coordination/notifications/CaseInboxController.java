package jp.iinj.coordination.notifications;

import java.time.Instant;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.iinj.httpapi.security.PlatformCallers;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(path = "/api/coordination/inbox", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Inbox", description = "What the caller was told about cases (also by e-mail, from identity): a case "
        + "assigned to them, their match's case opened, a case queued or escalated to their bureau.")
public class CaseInboxController {

    private final CaseInbox inbox;

    public CaseInboxController(CaseInbox inbox) {
        this.inbox = inbox;
    }

    /** One notification: what happened and where in the portal to look. */
    public record Item(String id, String kind, String link, Instant at, boolean read) {
    }

    /** The latest notifications, newest first, and how many are unread among them. */
    public record Inbox(List<Item> items, long unread) {
    }

    @Operation(summary = "The caller's case inbox", description = "The latest 50 notifications addressed to the "
            + "caller, to a member they act for, or (regional bodies) to one of their bureaus.")
    @ApiResponse(responseCode = "200", description = "The inbox")
    @GetMapping
    public Mono<Inbox> readInbox() {
        return PlatformCallers.caller().flatMap(inbox::latest)
                .map(entries -> new Inbox(entries.stream().map(entry -> new Item(entry.id(), entry.kind(),
                        entry.link(), entry.at(), entry.readAt() != null)).toList(),
                        entries.stream().filter(entry -> entry.readAt() == null).count()));
    }

    @Operation(summary = "Mark the inbox read", description = "Everything addressed to the caller.")
    @ApiResponse(responseCode = "204", description = "Marked")
    @PostMapping("/read")
    public Mono<ResponseEntity<Void>> markInboxRead() {
        return PlatformCallers.caller().flatMap(inbox::markRead).thenReturn(ResponseEntity.noContent().build());
    }
}
