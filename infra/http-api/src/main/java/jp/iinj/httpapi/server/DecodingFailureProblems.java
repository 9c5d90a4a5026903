package jp.iinj.httpapi.server;

import java.util.ArrayDeque;
import java.util.Queue;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

import jp.iinj.httpapi.core.correlation.CorrelationIds;
import jp.iinj.httpapi.core.problems.ServerRefusals;

/**
 * Reactor Netty answers a request its HTTP codec could not decode on its own, before WebFlux sees it: 431 (headers
 * over the limit), 414 (request line over the limit) or 400 (a NUL or bare CR in a header, a transfer coding other
 * than chunked, ...), with an empty body, and closes the connection. No hook of Reactor Netty lets an application
 * write that answer, so this handler sits in the channel pipeline between the codec and Reactor Netty's traffic
 * handler: it notes each request the codec failed to decode, in order, and replaces the empty answer written for it
 * with the platform's problem (same status, {@code application/problem+json}, a correlation id). One instance per
 * connection.
 */
final class DecodingFailureProblems extends ChannelDuplexHandler {

    static final String NAME = "iinj.decodingFailureProblems";

    private final JsonMapper json;
    // correlation ids of the refused requests whose answers are still to be written (pipelining keeps the order)
    private final Queue<String> refused = new ArrayDeque<>();

    DecodingFailureProblems(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request && request.decoderResult().isFailure()) {
            HttpHeaders headers = request.headers();
            refused.add(CorrelationIds.of(headers.get(CorrelationIds.HEADER), headers.get(CorrelationIds.TRACEPARENT_HEADER)));
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!refused.isEmpty() && msg instanceof FullHttpResponse response && isRefusal(response)) {
            FullHttpResponse problem = problem(response, refused.remove());
            response.release();
            ctx.write(problem, promise);
            return;
        }
        ctx.write(msg, promise);
    }

    /** Reactor Netty's answer to a request it could not decode: an error status, no body, no content type. */
    private static boolean isRefusal(FullHttpResponse response) {
        return response.status().code() >= 400 && !response.content().isReadable()
                && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE);
    }

    private FullHttpResponse problem(FullHttpResponse refusal, String correlationId) {
        byte[] body = json.writeValueAsBytes(ServerRefusals.forStatus(HttpStatusCode.valueOf(refusal.status().code()))
                // the path is not trusted: the request could not be read
                .toProblemDetail(null, correlationId));
        FullHttpResponse problem = new DefaultFullHttpResponse(refusal.protocolVersion(), refusal.status(),
                Unpooled.wrappedBuffer(body));
        problem.headers().set(refusal.headers())
                .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(CorrelationIds.HEADER, correlationId);
        return problem;
    }
}
