package jp.iinj.testing.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP/1.1 written as bytes over a plain socket, for the requests no HTTP client sends ({@link Probe}: a NUL or a bare
 * CR in a header value, a 10 kB URL, an unknown transfer coding): what the web server itself answers, before any
 * application code.
 * The request is written as given and the one response read (by {@code Content-Length}, chunked, or up to the
 * close). Every read times out after 10 s.
 */
public final class RawHttp {

    private static final int TIMEOUT_MILLIS = 10_000;
    private static final int OVERSIZED = 10 * 1024;

    private RawHttp() {
    }

    /**
     * The requests a black-box probe sends to find what a web server refuses before any application code: each gets
     * an error status from the server itself (which one depends on the server).
     */
    public enum Probe {

        /** A 10 kB {@code X-Correlation-Id}: over every server's header limit (8 KB). */
        OVERSIZED_HEADER,
        /** A 10 kB URL: over the request-line limit. */
        OVERSIZED_URL,
        /** A header value with a NUL in it. */
        NUL_IN_HEADER,
        /** A header value with a CR not followed by LF. */
        BARE_CR_IN_HEADER,
        /** {@code Transfer-Encoding: xchunked}, a coding no server knows. */
        UNKNOWN_TRANSFER_CODING;

        /** The request, to this path, as bytes to write with {@link #send(int, String)}. */
        public String request(String path) {
            String host = "Host: localhost\r\n";
            return switch (this) {
                case OVERSIZED_HEADER -> "GET " + path + " HTTP/1.1\r\n" + host + "X-Correlation-Id: " + "a".repeat(OVERSIZED) + "\r\n\r\n";
                case OVERSIZED_URL -> "GET " + path + "?q=" + "a".repeat(OVERSIZED) + " HTTP/1.1\r\n" + host + "\r\n";
                case NUL_IN_HEADER -> "GET " + path + " HTTP/1.1\r\n" + host + "X-Probe: a\u0000b\r\n\r\n";
                case BARE_CR_IN_HEADER -> "GET " + path + " HTTP/1.1\r\n" + host + "X-Probe: a\rb\r\n\r\n";
                case UNKNOWN_TRANSFER_CODING -> "POST " + path + " HTTP/1.1\r\n" + host + "Content-Type: application/json\r\n"
                        + "Transfer-Encoding: xchunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n";
            };
        }
    }

    /** Sends the request (ISO-8859-1, so every char is one byte as written) to 127.0.0.1. */
    public static Response send(int port, String request) {
        return send("127.0.0.1", port, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    public static Response send(String host, int port, byte[] request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("no HTTP response from " + host + ":" + port, e);
        }
    }

    private static Response read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("the connection closed without a response");
        }
        String[] parts = statusLine.split(" ", 3);
        int status = Integer.parseInt(parts[1]);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.computeIfAbsent(header.substring(0, colon).trim(), name -> new ArrayList<>())
                    .add(header.substring(colon + 1).trim());
        }
        byte[] body;
        List<String> length = headers.get("Content-Length");
        List<String> coding = headers.get("Transfer-Encoding");
        if (length != null) {
            body = in.readNBytes(Integer.parseInt(length.get(0)));
        } else if (coding != null && coding.get(0).toLowerCase(Locale.ROOT).contains("chunked")) {
            body = chunked(in);
        } else {
            body = in.readAllBytes();
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String size = line(in); size != null; size = line(in)) {
            int length = Integer.parseInt(size.split(";", 2)[0].trim(), 16);
            if (length == 0) {
                break;
            }
            body.write(in.readNBytes(length));
            line(in);
        }
        return body.toByteArray();
    }

    /** One line without its CRLF; null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    /** The status, the headers (names in any case) and the body as UTF-8. */
    public record Response(int status, Map<String, List<String>> headers, String body) {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        /** The first value of a header, or null. */
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.get(0);
        }

        /** The body read as JSON, e.g. a problem. */
        public JsonNode json() {
            return JSON.readTree(body);
        }

        /**
         * Fails unless this is an RFC 9457 problem with this status: the status line, {@code application/problem+json},
         * the body's {@code status}, and the same correlation id in the header and the body.
         */
        public Response assertProblem(int expectedStatus) {
            assertEquals(expectedStatus, status, () -> "status of " + body);
            String type = header("Content-Type");
            assertTrue(type != null && type.startsWith("application/problem+json"), () -> "Content-Type " + type);
            assertEquals(expectedStatus, json().get("status").asInt(), "status in the body");
            assertEquals(header("X-Correlation-Id"), json().get("correlationId").asString(), "correlation id");
            return this;
        }
    }
}
