package jp.iinj.eventfeeds.stream;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.iinj.eventfeeds.access.FeedAccess;
import jp.iinj.eventfeeds.log.FeedCursor;
import jp.iinj.eventfeeds.log.FeedEvent;
import jp.iinj.eventfeeds.log.FeedLog;
import jp.iinj.eventfeeds.log.FeedScope;
import jp.iinj.eventfeeds.log.StructuredCloudEvents;
import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.httpapi.core.problems.InvalidField;
import jp.iinj.httpapi.core.validation.QueryParameters;
import jp.iinj.httpapi.security.PlatformCallers;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(path = "/api/feeds/stream")
@Tag(name = "Stream", description = "The feed live, as server-sent events, resumable with Last-Event-ID.")
public class StreamController {

    private static final Set<String> PARAMETERS = Set.of("after");
    /** Events read from the log per look; the stream keeps up by looking again at once while pages are full. */
    static final int PAGE = 200;

    private final FeedLog log;
    private final Duration interval;
    private final Duration heartbeat;

    public StreamController(FeedLog log,
                            @Value("${iinj.feeds.stream.interval:1s}") Duration interval,
                            @Value("${iinj.feeds.stream.heartbeat:15s}") Duration heartbeat) {
        this.log = log;
        this.interval = interval;
        this.heartbeat = heartbeat;
    }

    @Operation(summary = "Follow the feed live", description = "The caller's bureaus' public events as server-sent "
            + "events: `id` is the cursor after the event, `event` its CloudEvents type, `data` the event in "
            + "structured CloudEvents JSON. A client that reconnects with `Last-Event-ID` (browsers do it themselves) "
            + "gets everything after it, nothing twice; without one, the stream starts with what happens from now on, "
            + "or after the `after` cursor. A comment every 15 seconds keeps proxies from closing an idle stream. "
            + "Regional bodies (people and machine clients) and administrators.")
    @Parameter(name = "after", in = ParameterIn.QUERY, description = "start after this cursor (a pull's or an "
            + "event's id); Last-Event-ID wins when both are given")
    @Parameter(name = "Last-Event-ID", in = ParameterIn.HEADER, description = "the id of the last event received")
    @ApiResponse(responseCode = "200", description = "The stream")
    @ApiResponse(responseCode = "400", description = "Unknown or repeated parameter, or not a cursor")
    @ApiResponse(responseCode = "403", description = "Neither a regional body nor an administrator")
    @GetMapping(produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<String>> stream(
            @RequestParam MultiValueMap<String, String> query,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        List<InvalidField> problems = new java.util.ArrayList<>();
        QueryParameters.check(query, PARAMETERS, Set.of(), problems);
        if (!problems.isEmpty()) {
            return Flux.error(new FieldValidationException(problems));
        }
        String resumeFrom = lastEventId != null && !lastEventId.isBlank() ? lastEventId : query.getFirst("after");
        String field = lastEventId != null && !lastEventId.isBlank() ? "Last-Event-ID" : "after";
        return PlatformCallers.caller().map(FeedAccess::scopeOf).flatMapMany(scope -> start(resumeFrom, field, scope)
                .flatMapMany(cursor -> Flux.just(OPENED).concatWith(events(cursor, scope).mergeWith(heartbeats()))))
                // the access decided at the start lasts as long as the token: the client reconnects with a fresh one
                // and Last-Event-ID, and loses nothing
                .takeUntilOther(tokenExpiry());
    }

    /** The cursor the stream starts after: the one given, else the end of the log now. */
    private Mono<FeedCursor> start(String resumeFrom, String field, FeedScope scope) {
        if (resumeFrom != null && !resumeFrom.isEmpty()) {
            return Mono.fromCallable(() -> FeedCursor.parse(resumeFrom, field));
        }
        return log.end(scope);
    }

    /** Looks at the log every interval (at once again while pages come full), each event once, in log order. */
    private Flux<ServerSentEvent<String>> events(FeedCursor from, FeedScope scope) {
        FeedCursor[] cursor = {from};
        return Flux.interval(Duration.ZERO, interval)
                .onBackpressureDrop()
                .concatMap(tick -> Flux.defer(() -> pages(cursor, scope)), 1);
    }

    private Flux<ServerSentEvent<String>> pages(FeedCursor[] cursor, FeedScope scope) {
        return log.after(cursor[0], scope, PAGE)
                .expand(page -> page.events().size() < PAGE ? Mono.empty() : log.after(page.next(), scope, PAGE))
                .concatMapIterable(page -> page.events())
                .map(event -> {
                    cursor[0] = cursor[0].after(event);
                    return sent(event, cursor[0]);
                });
    }

    private static ServerSentEvent<String> sent(FeedEvent event, FeedCursor after) {
        return ServerSentEvent.builder(new String(StructuredCloudEvents.single(event),
                        java.nio.charset.StandardCharsets.UTF_8))
                .id(after.encoded()).event(event.type()).build();
    }

    /** Sent at once, so that the client has the response's headers before the first event or heartbeat. */
    private static final ServerSentEvent<String> OPENED = ServerSentEvent.<String>builder().comment("stream open")
            .build();

    private static Mono<Long> tokenExpiry() {
        return ReactiveSecurityContextHolder.getContext().map(SecurityContext::getAuthentication)
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(authentication -> ((JwtAuthenticationToken) authentication).getToken().getExpiresAt())
                .filter(java.util.Objects::nonNull)
                .flatMap(expiresAt -> Mono.delay(Duration.between(java.time.Instant.now(), expiresAt).isNegative()
                        ? Duration.ZERO : Duration.between(java.time.Instant.now(), expiresAt)));
    }

    private Flux<ServerSentEvent<String>> heartbeats() {
        return Flux.interval(heartbeat, heartbeat).map(tick -> ServerSentEvent.<String>builder().comment("").build());
    }
}
