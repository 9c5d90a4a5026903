package jp.iinj.portal.feeds;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseBody;

import jp.iinj.portal.gateway.ApiProblem;
import jp.iinj.portal.gateway.GatewayClient;
import jp.iinj.portal.referencedata.ClusterCatalogue;
import jp.iinj.portal.referencedata.ClusterCatalogue.Cluster;
import jp.iinj.portal.referencedata.PrefectureNames;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /regional/feed}: the regional body's events as they happen. The browser holds no token (only the session
 * cookie), so the page's {@code EventSource} reads {@code /regional/feed/stream} here, on its own origin, and the
 * portal relays event feeds' stream ({@code GET /api/feeds/stream}) with the person's token, each event reduced to
 * what the page lists, in the page's language. The service's cursor stays the event's {@code id}: the browser sends
 * it back as {@code Last-Event-ID} when it reconnects (the service ends the stream when the token expires; the
 * portal opens the next one with a fresh token) and nothing is missed or repeated. The service's heartbeats are
 * relayed too, so that neither the gateway nor the browser closes an idle stream.
 */
@Controller
class LiveFeedController {

    /** What the page lists of one event. */
    record FeedItem(String id, String time, String at, String type, String typeLabel, String subject, String bureau,
                    String prefecture, String cluster) {
    }

    /** Why the relay stopped for good; the page says it in words and does not reconnect. */
    record StreamProblem(String reason) {
    }

    static final String EVENT = "feed";
    static final String PROBLEM = "problem";
    private static final Duration RECONNECT = Duration.ofSeconds(3);
    private static final Duration UNAVAILABLE_RECONNECT = Duration.ofSeconds(10);
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ParameterizedTypeReference<ServerSentEvent<String>> UPSTREAM = new ParameterizedTypeReference<>() {
    };
    private static final Logger log = LoggerFactory.getLogger(LiveFeedController.class);

    private final GatewayClient gateway;
    private final ClusterCatalogue clusters;
    private final FeedEventTypes types;
    private final PrefectureNames prefectures;
    private final MessageSource messages;
    private final JsonMapper json = JsonMapper.builder().build();

    LiveFeedController(GatewayClient gateway, ClusterCatalogue clusters, FeedEventTypes types, PrefectureNames prefectures,
                       MessageSource messages) {
        this.gateway = gateway;
        this.clusters = clusters;
        this.types = types;
        this.prefectures = prefectures;
        this.messages = messages;
    }

    @GetMapping("/regional/feed")
    String page() {
        return "feeds/live";
    }

    @GetMapping(path = "/regional/feed/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    Flux<ServerSentEvent<Object>> stream(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId, Locale locale) {
        return clusters.active()
                .map(active -> active.stream().collect(Collectors.toMap(Cluster::id, Function.identity(), (a, b) -> a)))
                .flatMapMany(clusterNames -> gateway.asPerson().get().uri("/api/feeds/stream")
                        .accept(MediaType.TEXT_EVENT_STREAM)
                        .headers(headers -> {
                            if (lastEventId != null && !lastEventId.isBlank()) {
                                headers.set("Last-Event-ID", lastEventId);
                            }
                        })
                        .retrieve().bodyToFlux(UPSTREAM)
                        .map(upstream -> relayed(upstream, clusterNames, locale)))
                .onErrorResume(error -> ended(error));
    }

    private ServerSentEvent<Object> relayed(ServerSentEvent<String> upstream, Map<String, Cluster> clusterNames, Locale locale) {
        if (upstream.data() == null) {
            // the service's first comment says its start is fixed (the page is "connected" only from then on, so
            // nothing that happens later is missed); its heartbeats keep every hop's idle timeout from closing the
            // stream. Each says how soon the browser reconnects once the stream ends (the token's expiry, a restart)
            return ServerSentEvent.<Object>builder().comment(upstream.comment() == null ? "" : upstream.comment())
                    .retry(RECONNECT).build();
        }
        return ServerSentEvent.<Object>builder(item(upstream.data(), clusterNames, locale)).id(upstream.id()).event(EVENT).build();
    }

    FeedItem item(String structuredEvent, Map<String, Cluster> clusterNames, Locale locale) {
        JsonNode event = json.readTree(structuredEvent);
        String type = text(event, "type");
        Instant time = event.hasNonNull("time") ? Instant.parse(event.get("time").asString()) : null;
        String bureau = text(event, "bureau");
        String prefecture = text(event, "prefecture");
        String cluster = text(event, "cluster");
        return new FeedItem(text(event, "id"), time == null ? "—" : TIME.format(time.atZone(JAPAN)),
                time == null ? null : time.toString(), type, types.label(type, locale), text(event, "subject"),
                bureau == null ? null : messages.getMessage("bureau." + bureau, null, bureau, locale),
                prefecture == null ? null : prefectures.name(prefecture, locale),
                cluster == null ? null : clusterNames.containsKey(cluster) ? clusterNames.get(cluster).name(locale) : cluster);
    }

    /**
     * Sign-in needed, or not allowed: said once, and the page stops. The platform away: the stream just ends, and
     * the browser tries again in a moment.
     */
    private static Flux<ServerSentEvent<Object>> ended(Throwable error) {
        if (error instanceof ClientAuthorizationException || error instanceof ApiProblem problem && problem.is(401)) {
            return Flux.just(problem("sign-in"));
        }
        if (error instanceof ApiProblem problem && problem.status() < 500) {
            // 403/404: not a feed for this person; 400: the browser's Last-Event-ID is no cursor of this feed
            return Flux.just(problem(problem.is(400) ? "bad-cursor" : "not-allowed"));
        }
        // the platform away, or the connection cut: the browser reconnects with the last id it had
        log.warn("The live feed's stream ended: {}", error.toString());
        return Flux.just(ServerSentEvent.<Object>builder().comment("unavailable").retry(UNAVAILABLE_RECONNECT).build());
    }

    private static ServerSentEvent<Object> problem(String reason) {
        return ServerSentEvent.<Object>builder(new StreamProblem(reason)).event(PROBLEM).build();
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asString() : null;
    }
}
