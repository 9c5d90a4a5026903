package jp.iinj.eventfeeds.subscriptions;

import java.net.URI;
import java.time.Clock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.iinj.httpapi.security.PlatformCallers;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(path = "/api/feeds/subscriptions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Subscriptions", description = "Webhook subscriptions, modelled on the CloudEvents Subscriptions API: a "
        + "regional body's bureaus' events (narrowed by types and filters) signed and sent to its sink as Standard "
        + "Webhooks, each aggregate's events in order. Regional bodies (people and machine clients) manage their own; "
        + "administrators all.")
public class SubscriptionController {

    private final SubscriptionActions actions;
    private final Clock clock;

    public SubscriptionController(SubscriptionActions actions, Clock clock) {
        this.actions = actions;
        this.clock = clock;
    }

    @Operation(summary = "Subscribe", description = "Delivery starts with the next event logged. The signing secret "
            + "(whsec_…) is in this answer only: keep it now. The sink must be https and resolve to public addresses "
            + "only (checked now and at every connection). `bureaus`: some of the caller's (none: all of them).")
    @ApiResponse(responseCode = "201", description = "The subscription and its secret")
    @ApiResponse(responseCode = "400", description = "Field errors: unknown type, unsupported filter dialect (sql "
            + "included), a sink refused (not https, private or loopback address, unresolvable host)")
    @ApiResponse(responseCode = "403", description = "Not a regional body or administrator, or bureaus not the "
            + "caller's")
    @ApiResponse(responseCode = "409", description = "Too many subscriptions")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<SubscriptionResponse.Created>> subscribe(
            @RequestBody SubscriptionRequests.NewSubscription request) {
        return PlatformCallers.caller().flatMap(caller -> actions.create(request, caller))
                .map(created -> ResponseEntity.created(URI.create("/api/feeds/subscriptions/" + created.id()))
                        .body(SubscriptionResponse.created(created)));
    }

    @Operation(summary = "The caller's subscriptions", description = "Oldest first; a disabled one says why.")
    @ApiResponse(responseCode = "200", description = "The subscriptions")
    @ApiResponse(responseCode = "403", description = "Not a regional body or administrator")
    @GetMapping
    public Mono<SubscriptionResponse.SubscriptionList> listSubscriptions() {
        return PlatformCallers.caller().flatMap(actions::list)
                .map(list -> new SubscriptionResponse.SubscriptionList(list.stream()
                        .map(subscription -> SubscriptionResponse.of(subscription, clock.instant())).toList()));
    }

    @Operation(summary = "Read a subscription")
    @ApiResponse(responseCode = "200", description = "The subscription")
    @ApiResponse(responseCode = "403", description = "Not a regional body or administrator")
    @ApiResponse(responseCode = "404", description = "No such subscription of the caller's")
    @GetMapping("/{subscriptionId}")
    public Mono<SubscriptionResponse> readSubscription(@PathVariable String subscriptionId) {
        return PlatformCallers.caller().flatMap(caller -> actions.read(subscriptionId, caller))
                .map(subscription -> SubscriptionResponse.of(subscription, clock.instant()));
    }

    @Operation(summary = "Unsubscribe", description = "No more deliveries; the delivery log expires after 30 days.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "403", description = "Not a regional body or administrator")
    @ApiResponse(responseCode = "404", description = "No such subscription of the caller's")
    @ApiResponse(responseCode = "409", description = "It changed meanwhile")
    @DeleteMapping("/{subscriptionId}")
    public Mono<ResponseEntity<Void>> unsubscribe(@PathVariable String subscriptionId) {
        return PlatformCallers.caller().flatMap(caller -> actions.delete(subscriptionId, caller))
                .then(Mono.just(ResponseEntity.noContent().build()));
    }

    @Operation(summary = "Rotate the signing secret", description = "The new secret is in this answer only. The "
            + "previous one keeps signing too (two signatures in webhook-signature) until previousSecretValidUntil, "
            + "so the receiver can switch without a gap.")
    @ApiResponse(responseCode = "200", description = "The new secret")
    @ApiResponse(responseCode = "403", description = "Not a regional body or administrator")
    @ApiResponse(responseCode = "404", description = "No such subscription of the caller's")
    @ApiResponse(responseCode = "409", description = "It changed meanwhile")
    @PostMapping("/{subscriptionId}/secret")
    public Mono<SubscriptionResponse.RotatedSecret> rotateSecret(@PathVariable String subscriptionId) {
        return PlatformCallers.caller().flatMap(caller -> actions.rotate(subscriptionId, caller))
                .map(rotation -> new SubscriptionResponse.RotatedSecret(rotation.secret(),
                        rotation.previousSecretValidUntil()));
    }

    @Operation(summary = "Enable a disabled subscription", description = "Deliveries resume where they stopped, "
            + "with the delivery that failed first. Enabling an active one changes nothing.")
    @ApiResponse(responseCode = "200", description = "The subscription")
    @ApiResponse(responseCode = "403", description = "Not a regional body or administrator")
    @ApiResponse(responseCode = "404", description = "No such subscription of the caller's")
    @ApiResponse(responseCode = "409", description = "It changed meanwhile")
    @PostMapping("/{subscriptionId}/enable")
    public Mono<SubscriptionResponse> enableSubscription(@PathVariable String subscriptionId) {
        return PlatformCallers.caller().flatMap(caller -> actions.enable(subscriptionId, caller))
                .map(subscription -> SubscriptionResponse.of(subscription, clock.instant()));
    }
}
