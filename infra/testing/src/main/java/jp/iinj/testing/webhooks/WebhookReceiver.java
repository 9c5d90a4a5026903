package jp.iinj.testing.webhooks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook subscriber on loopback for tests and benchmarks: records every request it gets (headers, body, when) and
 * answers as told, 204 unless {@link #answer} says otherwise. Each request is handled on a thread of its own, so a
 * slow answer holds up nothing else.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(String webhookId, String timestamp, String signature, String contentType, byte[] body,
                           Instant receivedAt, long receivedNanos) {

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** How to answer one request: the status, and headers such as {@code Retry-After}. */
    public record Answer(int status, Map<String, String> headers) {

        public static Answer of(int status) {
            return new Answer(status, Map.of());
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<Received, Answer> answer = request -> Answer.of(204);
    private volatile long answerDelayMillis;

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/", exchange -> {
                try (exchange) {
                    Received request = new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                            exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                            exchange.getRequestHeaders().getFirst("webhook-signature"),
                            exchange.getRequestHeaders().getFirst("content-type"),
                            exchange.getRequestBody().readAllBytes(), Instant.now(), System.nanoTime());
                    receiver.received.add(request);
                    long delay = receiver.answerDelayMillis;
                    if (delay > 0) {
                        try {
                            // a slow subscriber, as the one being tested must not be held up by
                            Thread.sleep(delay);
                        } catch (InterruptedException interrupted) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    Answer answer = receiver.answer.apply(request);
                    answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
                    exchange.sendResponseHeaders(answer.status(), -1);
                }
            });
            server.setExecutor(receiver.threads);
            server.start();
            return receiver;
        } catch (IOException cannotListen) {
            throw new IllegalStateException("no loopback port for a webhook receiver", cannotListen);
        }
    }

    /** Where to send webhooks: {@code http://127.0.0.1:<port>/hooks}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks");
    }

    /** From now on, answers each request as {@code answer} says (e.g. 503 while "down"). */
    public void answer(Function<Received, Answer> answer) {
        this.answer = answer;
    }

    public void answerAlways(int status) {
        answer(request -> Answer.of(status));
    }

    /** Waits this long before each answer. */
    public void answerAfter(long millis) {
        this.answerDelayMillis = millis;
    }

    /** Every request so far, in the order they arrived. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests answered or not, grouped by {@code webhook-id}: what a receiver that dedupes would process. */
    public Map<String, List<Received>> byWebhookId() {
        return received.stream().collect(Collectors.groupingBy(Received::webhookId));
    }

    public void clear() {
        received.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
