package jp.iinj.eventfeeds.webhooks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

import com.standardwebhooks.Webhook;

import io.netty.channel.ChannelOption;
import jp.iinj.eventfeeds.log.StructuredCloudEvents;
import jp.iinj.eventfeeds.sinks.SinkAddressResolver;
import jp.iinj.eventfeeds.sinks.SinkPolicy;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * One delivery attempt of one event to one sink, as Standard Webhooks says: the structured CloudEvent as the body,
 * {@code webhook-id} (the same for every attempt of a delivery), {@code webhook-timestamp} and
 * {@code webhook-signature}, signed with the reference library, once per current secret (two during a rotation's
 * overlap, space-separated). Redirects are never followed, the whole exchange has 15 seconds, and the connection goes
 * only to addresses the {@link SinkPolicy} allows, checked again at connect time.
 */
@Component
public class WebhookSender {

    private final SinkPolicy policy;
    private final WebClient client;
    private final Clock clock;
    private final Duration timeout;

    public WebhookSender(SinkPolicy policy, Clock clock,
                         @Value("${iinj.feeds.webhooks.timeout:15s}") Duration timeout) {
        this.policy = policy;
        this.clock = clock;
        this.timeout = timeout;
        // its own event loops: a subscriber's slow DNS or server must never hold the threads that serve the API
        HttpClient http = HttpClient.create(ConnectionProvider.create("webhooks", 200))
                .runOn(LoopResources.create("webhooks", 2, true))
                .resolver(new SinkAddressResolver(policy))
                .followRedirect(false)
                .responseTimeout(timeout)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeout.toMillis(), 5_000));
        this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
    }

    /** What came of an attempt. */
    public enum Result {
        /** 2xx: done. */
        DELIVERED,
        /** Anything else but 410: try again later (the schedule, or {@code Retry-After}). */
        FAILED,
        /** 410 Gone: the subscriber wants no more; the endpoint is disabled at once. */
        GONE
    }

    /**
     * @param status     the HTTP status, or null when there was no answer
     * @param retryAfter what a 429 or 503 asked for, or null
     * @param error      why there was no answer (timeout, refused address, connection), or null
     */
    public record Attempt(Result result, Integer status, Duration retryAfter, String error, Instant at,
                          Duration took) {
    }

    /**
     * @param secrets the subscription's current secrets ({@code whsec_…}), newest first; each signs the attempt
     */
    public Mono<Attempt> send(URI sink, String webhookId, byte[] body, List<String> secrets) {
        Instant at = clock.instant();
        long timestamp = at.getEpochSecond();
        String payload = new String(body, StandardCharsets.UTF_8);
        String signature;
        try {
            signature = secrets.stream().map(secret -> sign(secret, webhookId, timestamp, payload))
                    .collect(Collectors.joining(" "));
        } catch (IllegalStateException unsigned) {
            return Mono.just(new Attempt(Result.FAILED, null, null, unsigned.getMessage(), at, Duration.ZERO));
        }
        // an address literal never reaches the resolver, so it is checked here; names are checked at connect time
        var refused = policy.refusalOfForm(sink).or(() -> policy.refusalOfLiteral(sink.getHost()));
        if (refused.isPresent()) {
            return Mono.just(new Attempt(Result.FAILED, null, null, "sink " + refused.get(), at, Duration.ZERO));
        }
        return client.post().uri(sink)
                .contentType(MediaType.parseMediaType(StructuredCloudEvents.MEDIA_TYPE))
                .header("webhook-id", webhookId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature)
                .bodyValue(body)
                .exchangeToMono(response -> response.releaseBody().thenReturn(answered(response.statusCode(),
                        response.headers().asHttpHeaders(), at)))
                // the whole attempt, body included: a subscriber that trickles or never ends its answer is cut off
                .timeout(timeout)
                .onErrorResume(failure -> Mono.just(new Attempt(Result.FAILED, null, null, describe(failure), at,
                        Duration.between(at, clock.instant()))));
    }

    private Attempt answered(HttpStatusCode status, HttpHeaders headers, Instant at) {
        Duration took = Duration.between(at, clock.instant());
        if (status.is2xxSuccessful()) {
            return new Attempt(Result.DELIVERED, status.value(), null, null, at, took);
        }
        if (status.value() == HttpStatus.GONE.value()) {
            return new Attempt(Result.GONE, status.value(), null, null, at, took);
        }
        Duration retryAfter = status.value() == 429 || status.value() == 503
                ? retryAfter(headers.getFirst(HttpHeaders.RETRY_AFTER), at) : null;
        String error = status.is3xxRedirection() ? "redirect not followed" : null;
        return new Attempt(Result.FAILED, status.value(), retryAfter, error, at, took);
    }

    /** Seconds or an HTTP date; anything unreadable counts as not given. */
    static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(text));
        }
        try {
            Duration until = Duration.between(now, ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant());
            return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    private static String sign(String secret, String webhookId, long timestamp, String payload) {
        try {
            return new Webhook(secret).sign(webhookId, timestamp, payload);
        } catch (Exception unusable) {
            throw new IllegalStateException("the subscription's secret cannot sign: " + unusable.getMessage());
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure;
        for (Throwable link = failure; link != null; link = link.getCause() == link ? null : link.getCause()) {
            if (link instanceof TimeoutException || link.getClass().getSimpleName().contains("Timeout")) {
                return "no answer in time";
            }
            cause = link;
            if (link instanceof SinkAddressResolver.SinkRefusedException) {
                break;
            }
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.length() > 300 ? message.substring(0, 300) : message;
    }
}
