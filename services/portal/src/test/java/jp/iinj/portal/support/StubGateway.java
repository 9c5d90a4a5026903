package jp.iinj.portal.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The gateway as the portal's tests need it: answers set per method and path (the query ignored), and every request
 * the portal sent, with its headers and body, to assert on. What is not set answers 404 problem+json.
 */
public final class StubGateway implements AutoCloseable {

    /** One request the portal sent. */
    public record Received(String method, String path, String query, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** An answer: status, content type, body and extra headers. */
    public record Answer(int status, String contentType, String body, Map<String, String> headers) {

        public static Answer json(int status, String body) {
            return new Answer(status, "application/json", body, Map.of());
        }

        public static Answer problem(int status, String title, String detail) {
            return new Answer(status, "application/problem+json",
                    "{\"type\":\"https://iinj.jp/problems/test\",\"title\":\"" + title + "\",\"status\":" + status
                            + ",\"detail\":\"" + detail + "\"}", Map.of());
        }

        /** A 409 naming its case in the problem's {@code code} member, as the platform's APIs do. */
        public static Answer conflict(String code, String detail) {
            return new Answer(409, "application/problem+json",
                    "{\"type\":\"https://iinj.jp/problems/conflict\",\"title\":\"Conflict\",\"status\":409,"
                            + "\"detail\":\"" + detail + "\",\"code\":\"" + code + "\"}", Map.of());
        }

        public static Answer fieldProblem(String field, String message) {
            return new Answer(400, "application/problem+json",
                    "{\"type\":\"https://iinj.jp/problems/invalid-request\",\"title\":\"Invalid request\",\"status\":400,"
                            + "\"detail\":\"Some fields are invalid.\",\"errors\":[{\"field\":\"" + field + "\",\"message\":\""
                            + message + "\"}]}", Map.of());
        }

        public Answer withHeader(String name, String value) {
            Map<String, String> more = new java.util.HashMap<>(headers);
            more.put(name, value);
            return new Answer(status, contentType, body, Map.copyOf(more));
        }
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private StubGateway(HttpServer server) {
        this.server = server;
    }

    public static StubGateway start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            StubGateway stub = new StubGateway(server);
            server.createContext("/", stub::handle);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public StubGateway answer(String method, String path, Answer answer) {
        answers.put(method + " " + path, answer);
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public Received last(String method, String path) {
        for (int i = received.size() - 1; i >= 0; i--) {
            Received request = received.get(i);
            if (request.method().equals(method) && request.path().equals(path)) {
                return request;
            }
        }
        throw new AssertionError("the portal did not send " + method + " " + path + "; it sent " + received);
    }

    public void reset() {
        answers.clear();
        received.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        received.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                Map.copyOf(exchange.getRequestHeaders()), body));
        Answer answer = answers.getOrDefault(exchange.getRequestMethod() + " " + path,
                Answer.problem(404, "Not Found", "No stub answer for " + path));
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        byte[] bytes = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
        if (answer.contentType() != null && bytes.length > 0) {
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
