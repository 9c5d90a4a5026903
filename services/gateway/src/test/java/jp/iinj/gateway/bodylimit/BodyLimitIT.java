package jp.iinj.gateway.bodylimit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import jp.iinj.gateway.support.Echo;
import jp.iinj.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Body limits of application.yml: 64 KB for registration, 64 MB for member imports, 1 MB elsewhere; with
 * {@code Content-Length} and for chunked bodies, whose length nobody declares.
 */
class BodyLimitIT extends GatewayTestSupport {

    private static final int KB = 1024;
    private static final int REGISTRATION_LIMIT = 64 * KB;
    private static final int GENERAL_LIMIT = 1024 * KB;
    private static final String REGISTRATION = "/api/members/organisations";
    private static final String ORGANISATION = "/api/members/organisations/3f0c";
    private static final String IMPORTS = "/api/members/imports";
    private static final long IMPORT_LIMIT = 64L * 1024 * 1024;

    @Test
    void declaredLengthOverTheLimitIsRefusedBeforeForwarding() {
        int before = MEMBER_REGISTRY.received(REGISTRATION).size();

        expectTooLarge(client().post().uri(REGISTRATION)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(bytes(REGISTRATION_LIMIT + 1))
                .exchange(), "64 KB");

        assertThat(MEMBER_REGISTRY.received(REGISTRATION)).hasSize(before);
    }

    @Test
    void chunkedBodyOverTheLimitIsRefused() {
        expectTooLarge(client().post().uri(REGISTRATION)
                .contentType(MediaType.APPLICATION_JSON)
                .body(chunked(REGISTRATION_LIMIT + 1, 4 * KB), DataBuffer.class)
                .exchange(), "64 KB");
    }

    @Test
    void chunkedBodyFarOverTheLimitIsRefused() {
        expectTooLarge(client().post().uri(REGISTRATION)
                .contentType(MediaType.APPLICATION_JSON)
                .body(chunked(8 * GENERAL_LIMIT, 16 * KB), DataBuffer.class)
                .exchange(), "64 KB");
    }

    @Test
    void bodyOfExactlyTheLimitReachesTheServiceWhole() {
        Echo declared = client().post().uri(REGISTRATION)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(bytes(REGISTRATION_LIMIT))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Echo.class).returnResult().getResponseBody();
        assertThat(declared.bodyLength()).isEqualTo(REGISTRATION_LIMIT);

        Echo chunked = client().post().uri(REGISTRATION)
                .contentType(MediaType.APPLICATION_JSON)
                .body(chunked(REGISTRATION_LIMIT, 4 * KB), DataBuffer.class)
                .exchange()
                .expectStatus().isOk()
                .expectBody(Echo.class).returnResult().getResponseBody();
        assertThat(chunked.bodyLength()).isEqualTo(REGISTRATION_LIMIT);
        assertThat(chunked.header(HttpHeaders.CONTENT_LENGTH)).isNull();
    }

    @Test
    void importsMayBeFarLargerThanTheGeneralLimit() {
        Echo upload = client().post().uri(IMPORTS)
                .header(HttpHeaders.AUTHORIZATION, bearer(token("body-rb", "REGIONAL_BODY")))
                .contentType(MediaType.parseMediaType("text/csv"))
                .body(chunked(4 * GENERAL_LIMIT, 64 * KB), DataBuffer.class)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(ROUTE_HEADER, "member-imports")
                .expectBody(Echo.class).returnResult().getResponseBody();
        assertThat(upload.bodyLength()).isEqualTo(4 * GENERAL_LIMIT);
    }

    @Test
    void anImportDeclaredOverItsLimitIsRefusedBeforeForwarding() throws IOException {
        int before = MEMBER_REGISTRY.received(IMPORTS).size();

        // the declared length alone refuses it, before a byte of the body is read: no need to send 64 MB
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(("POST " + IMPORTS + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:" + port + "\r\n"
                    + "Authorization: " + bearer(token("body-rb", "REGIONAL_BODY")) + "\r\n"
                    + "Content-Type: text/csv\r\n"
                    + "Content-Length: " + (IMPORT_LIMIT + 1) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertThat(statusLine).startsWith("HTTP/1.1 413");
        }

        assertThat(MEMBER_REGISTRY.received(IMPORTS)).hasSize(before);
    }

    @Test
    void otherRoutesHaveTheGeneralLimit() {
        String token = bearer(token("body-user", "MEMBER"));
        Echo justUnder = client().put().uri(ORGANISATION)
                .header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON)
                .body(chunked(GENERAL_LIMIT, 64 * KB), DataBuffer.class)
                .exchange()
                .expectStatus().isOk()
                .expectBody(Echo.class).returnResult().getResponseBody();
        assertThat(justUnder.bodyLength()).isEqualTo(GENERAL_LIMIT);

        expectTooLarge(client().put().uri(ORGANISATION)
                .header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON)
                .body(chunked(GENERAL_LIMIT + 1, 64 * KB), DataBuffer.class)
                .exchange(), "1 MB");

        expectTooLarge(client().put().uri(ORGANISATION)
                .header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(bytes(GENERAL_LIMIT + 1))
                .exchange(), "1 MB");
    }

    private static void expectTooLarge(WebTestClient.ResponseSpec response, String limit) {
        response.expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://iinj.jp/problems/payload-too-large")
                .jsonPath("$.status").isEqualTo(413)
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains(limit))
                .jsonPath("$.correlationId").isNotEmpty();
    }

    private static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) 'x');
        return bytes;
    }

    /** A body without Content-Length, sent in chunks. */
    private static Flux<DataBuffer> chunked(int length, int chunkSize) {
        int chunks = (length + chunkSize - 1) / chunkSize;
        return Flux.range(0, chunks).map(index -> {
            int size = Math.min(chunkSize, length - index * chunkSize);
            return DefaultDataBufferFactory.sharedInstance.wrap(bytes(size));
        });
    }
}
