package jp.iinj.eventfeeds.delivery;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.iinj.eventfeeds.subscriptions.SubscriptionActions;
import jp.iinj.eventfeeds.subscriptions.SubscriptionRequests;
import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.httpapi.core.problems.InvalidField;
import jp.iinj.httpapi.core.validation.QueryParameters;
import jp.iinj.httpapi.security.PlatformCallers;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(path = "/api/feeds/subscriptions/{subscriptionId}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Deliveries", description = "A subscription's delivery log (every attempt) and replays, for its owner.")
public class DeliveryController {

    private static final Set<String> LOG_PARAMETERS = Set.of("limit", "before");

    private final SubscriptionActions subscriptions;
    private final DeliveryLog deliveries;
    private final DeliveryReplays replays;

    public DeliveryController(SubscriptionActions subscriptions, DeliveryLog deliveries, DeliveryReplays replays) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.replays = replays;
    }

    /** @param events how many events will be sent again */
    public record ReplayStarted(int events) {
    }

    @Operation(summary = "The delivery log", description = "The subscription's deliveries, newest first, each with "
            + "its attempts (the latest 50): when, the HTTP status or the error, how long it took, whether a replay. "
            + "Kept 30 days after the last attempt.")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "1–200 deliveries (50)")
    @Parameter(name = "before", in = ParameterIn.QUERY, description = "only deliveries created before this instant "
            + "(the createdAt of the last one of the previous page)")
    @ApiResponse(responseCode = "200", description = "The deliveries")
    @ApiResponse(responseCode = "400", description = "Unknown, repeated or invalid parameter")
    @ApiResponse(responseCode = "403", description = "Not a regional body or administrator")
    @ApiResponse(responseCode = "404", description = "No such subscription of the caller's")
    @GetMapping("/deliveries")
    public Mono<DeliveryResponse.DeliveryList> listDeliveries(@PathVariable String subscriptionId,
                                             @RequestParam MultiValueMap<String, String> query) {
        List<InvalidField> problems = new ArrayList<>();
        QueryParameters.check(query, LOG_PARAMETERS, Set.of(), problems);
        int limit = QueryParameters.limit("limit", query.getFirst("limit"), 50, 200, problems);
        Instant before = null;
        String beforeText = query.getFirst("before");
        if (beforeText != null) {
            try {
                before = Instant.parse(beforeText);
                if (!DeliveryLog.queryable(before)) {
                    problems.add(new InvalidField("before", DeliveryLog.QUERYABLE));
                }
            } catch (DateTimeParseException notInstant) {
                problems.add(new InvalidField("before", "an instant such as 2026-12-01T00:00:00Z"));
            }
        }
        if (!problems.isEmpty()) {
            return Mono.error(new FieldValidationException(problems));
        }
        Instant until = before;
        return PlatformCallers.caller().flatMap(caller -> subscriptions.read(subscriptionId, caller))
                .flatMap(subscription -> deliveries.recent(subscription.id(), until, limit))
                .map(list -> new DeliveryResponse.DeliveryList(list.stream().map(DeliveryResponse::of).toList()));
    }

    @Operation(summary = "Replay one delivery", description = "Sends its event again, once, with the same "
            + "webhook-id (a receiver that dedupes by it will not process it twice); the attempt shows in the log.")
    @ApiResponse(responseCode = "202", description = "Being sent")
    @ApiResponse(responseCode = "403", description = "Not a regional body or administrator")
    @ApiResponse(responseCode = "404", description = "No such subscription of the caller's, or no such delivery")
    @ApiResponse(responseCode = "409", description = "The subscription is disabled")
    @PostMapping("/deliveries/{deliveryId}/replay")
    public Mono<ResponseEntity<Void>> replayDelivery(@PathVariable String subscriptionId,
                                                     @PathVariable String deliveryId) {
        return PlatformCallers.caller().flatMap(caller -> subscriptions.read(subscriptionId, caller))
                .flatMap(subscription -> replays.replay(subscription, deliveryId))
                .then(Mono.just(ResponseEntity.status(HttpStatus.ACCEPTED).build()));
    }

    @Operation(summary = "Replay a time range", description = "Sends again, once each and in log order, every event "
            + "of the subscription (its bureaus, types and filters) whose time is within [from, to], at most 10,000, "
            + "each with its delivery's webhook-id. One range replay at a time per subscription.")
    @ApiResponse(responseCode = "202", description = "Being sent: how many events")
    @ApiResponse(responseCode = "400", description = "from or to missing, from after to, or more than 10,000 events")
    @ApiResponse(responseCode = "403", description = "Not a regional body or administrator")
    @ApiResponse(responseCode = "404", description = "No such subscription of the caller's")
    @ApiResponse(responseCode = "409", description = "Disabled, or a replay is still running")
    @PostMapping(path = "/replays", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<ReplayStarted>> replayRange(@PathVariable String subscriptionId,
                                                           @RequestBody SubscriptionRequests.ReplayRange range) {
        return PlatformCallers.caller().flatMap(caller -> subscriptions.read(subscriptionId, caller))
                .flatMap(subscription -> replays.replay(subscription, range))
                .map(events -> ResponseEntity.status(HttpStatus.ACCEPTED).body(new ReplayStarted(events)));
    }
}
