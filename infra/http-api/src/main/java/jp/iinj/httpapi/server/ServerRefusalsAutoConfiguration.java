package jp.iinj.httpapi.server;

import io.netty.channel.ChannelPipeline;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * The web server's own refusals as problems on Reactor Netty: {@link DecodingFailureProblems} in every HTTP/1.1
 * connection's pipeline, right after the codec.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({HttpServer.class, NettyServerCustomizer.class})
public class ServerRefusalsAutoConfiguration {

    @Bean
    NettyServerCustomizer decodingFailureProblems(JsonMapper json) {
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            // only where Reactor Netty put its HTTP/1.1 codec (not on HTTP/2 connections)
            if (pipeline.get(NettyPipeline.HttpCodec) != null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, DecodingFailureProblems.NAME, new DecodingFailureProblems(json));
            }
        });
    }
}
