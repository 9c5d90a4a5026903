package jp.iinj.eventfeeds.pull;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.iinj.eventfeeds.access.FeedAccess;
import jp.iinj.eventfeeds.log.FeedLog;
import jp.iinj.eventfeeds.log.StructuredCloudEvents;
import jp.iinj.httpapi.security.PlatformCallers;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(path = "/api/feeds/events")
@Tag(name = "Pull", description = "The feed read with a cursor, for systems that cannot receive webhooks (behind a "
        + "firewall): a batch of CloudEvents at a time, each aggregate's events in order.")
public class PullController {

    private final FeedLog log;

    public PullController(FeedLog log) {
        this.log = log;
    }

    @Operation(summary = "Pull the next events", description = "The caller's bureaus' public events after the cursor "
            + "(none: from the beginning), as application/cloudevents-batch+json. The cursor for the next pull is in "
            + "`Link: <…?after=…>; rel=\"next\"`; an empty batch means nothing new yet: pull again later with the same "
            + "cursor. Regional bodies (people and machine clients) and administrators.")
    @Parameter(name = "after", in = ParameterIn.QUERY, description = "the cursor from the previous pull's Link")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "1–500 events (100)")
    @ApiResponse(responseCode = "200", description = "A batch, possibly empty")
    @ApiResponse(responseCode = "400", description = "Unknown, repeated or invalid parameter, or not a cursor")
    @ApiResponse(responseCode = "403", description = "Neither a regional body nor an administrator")
    @GetMapping(produces = StructuredCloudEvents.BATCH_MEDIA_TYPE)
    public Mono<ResponseEntity<byte[]>> pull(@RequestParam MultiValueMap<String, String> query) {
        PullRequest request = PullRequest.from(query);
        return PlatformCallers.caller().map(FeedAccess::scopeOf)
                .flatMap(scope -> log.after(request.after(), scope, request.limit()))
                .map(page -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(StructuredCloudEvents.BATCH_MEDIA_TYPE))
                        .header(HttpHeaders.LINK, "</api/feeds/events?after=" + page.next().encoded() + "&limit="
                                + request.limit() + ">; rel=\"next\"")
                        .body(StructuredCloudEvents.batch(page.events())));
    }
}
