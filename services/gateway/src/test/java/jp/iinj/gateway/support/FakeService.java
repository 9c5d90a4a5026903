package jp.iinj.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for a service behind the gateway (JDK HTTP server on a random port): answers every request with a
 * JSON echo of what it received ({@link Echo}), except for paths given a fixed answer (e.g. the JWKS), and keeps
 * a record of the requests. {@link #stop()} and {@link #restart()} take it down and up again on the same port.
 */
public final class FakeService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final Map<String, String> fixedJsonAnswers = new ConcurrentHashMap<>();
    private final List<Echo> received = new CopyOnWriteArrayList<>();
    private int port;
    private HttpServer server;
    private ExecutorService executor;

    private FakeService(String name) {
        this.name = name;
    }

    public static FakeService start(String name) {
        FakeService service = new FakeService(name);
        service.bind(0);
        return service;
    }

    private void bind(int requestedPort) {
        try {
            executor = Executors.newCachedThreadPool();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 64);
            server.setExecutor(executor);
            server.createContext("/", this::handle);
            server.start();
            port = server.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start fake " + name + " on port " + requestedPort, e);
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** Answers {@code path} with this JSON from now on instead of the echo. */
    public void answer(String path, String json) {
        fixedJsonAnswers.put(path, json);
    }

    /** The requests received, oldest first (the complete body length, or -1 where the body was cut off). */
    public List<Echo> received() {
        return List.copyOf(received);
    }

    public List<Echo> received(String path) {
        return received.stream().filter(echo -> echo.path().equals(path)).toList();
    }

    public synchronized void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Up again on the port it had, so the gateway's configuration still points at it. */
    public synchronized void restart() {
        bind(port);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            long bodyLength = readBody(exchange.getRequestBody());
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((header, values) -> headers.put(header.toLowerCase(Locale.ROOT), values));
            Echo echo = new Echo(name, exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), headers, bodyLength);
            received.add(echo);
            String fixed = fixedJsonAnswers.get(echo.path());
            byte[] body = fixed != null ? fixed.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(echo);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            // like the platform's services: the correlation id goes back on the response
            String correlationId = exchange.getRequestHeaders().getFirst("X-Correlation-Id");
            if (correlationId != null) {
                exchange.getResponseHeaders().set("X-Correlation-Id", correlationId);
            }
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static long readBody(InputStream body) {
        long total = 0;
        byte[] buffer = new byte[16 * 1024];
        try {
            for (int read; (read = body.read(buffer)) != -1; ) {
                total += read;
            }
            return total;
        } catch (IOException cutOff) {
            return -1;
        }
    }
}
