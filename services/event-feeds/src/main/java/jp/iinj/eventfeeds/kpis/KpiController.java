package jp.iinj.eventfeeds.kpis;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.iinj.eventfeeds.access.FeedAccess;
import jp.iinj.httpapi.security.PlatformCallers;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "KPIs", description = "The region's numbers, by bureau, prefecture, cluster and month (Asia/Tokyo), as "
        + "of the end of any day: members by status, profiles published, the funnel from proposals to cases closed "
        + "with an agreement, the median time to first contact, escalations. Computed from the feed log.")
public class KpiController {

    static final String CSV = "text/csv;charset=UTF-8";

    private final KpiQueries kpis;

    public KpiController(KpiQueries kpis) {
        this.kpis = kpis;
    }

    @Operation(summary = "The KPIs of the caller's bureaus", description = "As of the end of `asOf` (Asia/Tokyo; "
            + "default today): today's from the live projection, a past day's by replaying the log from its beginning. "
            + "Totals and the same figures by month, bureau, prefecture and cluster. Regional bodies (people and "
            + "machine clients) and administrators.")
    @Parameter(name = "asOf", in = ParameterIn.QUERY, description = "YYYY-MM-DD, up to today (Asia/Tokyo); default today",
            schema = @Schema(type = "string", format = "date"))
    @ApiResponse(responseCode = "200", description = "The figures")
    @ApiResponse(responseCode = "400", description = "Unknown or repeated parameter, not a day, a day after today")
    @ApiResponse(responseCode = "403", description = "Neither a regional body nor an administrator")
    @GetMapping(path = "/api/feeds/kpis", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<KpiReport> report(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
        KpiRequest request = KpiRequest.from(query, kpis.today());
        return PlatformCallers.caller().map(FeedAccess::scopeOf)
                .flatMap(scope -> kpis.report(request.asOf(), scope));
    }

    @Operation(summary = "The KPIs of the caller's bureaus as CSV", description = "The same figures as "
            + "`/api/feeds/kpis`, one row per bureau × prefecture × cluster × month (each region from its first month "
            + "with an event to asOf's), with a header row; UTF-8, RFC 4180. Members at each month's end, the rest "
            + "within the month; an empty prefecture or cluster: events without one.")
    @Parameter(name = "asOf", in = ParameterIn.QUERY, description = "YYYY-MM-DD, up to today (Asia/Tokyo); default today",
            schema = @Schema(type = "string", format = "date"))
    @ApiResponse(responseCode = "200", description = "The figures as CSV",
            content = @Content(mediaType = CSV, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = "Unknown or repeated parameter, not a day, a day after today")
    @ApiResponse(responseCode = "403", description = "Neither a regional body nor an administrator")
    @GetMapping(path = "/api/feeds/kpis.csv", produces = CSV)
    public Mono<ResponseEntity<byte[]>> csv(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
        KpiRequest request = KpiRequest.from(query, kpis.today());
        return PlatformCallers.caller().map(FeedAccess::scopeOf)
                .flatMap(scope -> kpis.csv(request.asOf(), scope))
                .map(csv -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(CSV))
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                .filename("kpis-" + request.asOf() + ".csv").build().toString())
                        .body(csv.getBytes(StandardCharsets.UTF_8)));
    }
}
