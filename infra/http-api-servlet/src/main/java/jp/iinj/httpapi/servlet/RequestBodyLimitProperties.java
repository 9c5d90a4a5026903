package jp.iinj.httpapi.servlet;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The request body limit of a Spring MVC service, its counterpart of WebFlux's
 * {@code spring.http.codecs.max-in-memory-size} (same default).
 *
 * @param maxSize largest body accepted
 * @param paths   path patterns it applies to ({@code /api/identity/**}); other paths are not limited
 */
@ConfigurationProperties("iinj.http-api.servlet.body-limit")
public record RequestBodyLimitProperties(@DefaultValue("256KB") DataSize maxSize, @DefaultValue("/**") List<String> paths) {
}
