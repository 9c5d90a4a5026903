package jp.iinj.eventfeeds.sinks;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code iinj.feeds.sinks}: where webhooks may be sent. By default only {@code https} to public addresses; the local
 * platform and tests allow {@code http} and loopback explicitly.
 *
 * @param allowHttp         {@code http} sinks too (local use only)
 * @param allowedAddresses  addresses or CIDR blocks that are allowed although private, loopback or link-local, e.g.
 *                          {@code 127.0.0.1/32}
 */
@ConfigurationProperties("iinj.feeds.sinks")
public record SinkSettings(@DefaultValue("false") boolean allowHttp, @DefaultValue List<String> allowedAddresses) {

    public SinkSettings {
        allowedAddresses = allowedAddresses == null ? List.of() : List.copyOf(allowedAddresses);
    }
}
