package jp.iinj.gateway.bodylimit;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The largest request body the gateway forwards: {@code general} for every route, {@code routes.<route-id>} for
 * particular routes. Counted on the bytes that arrive, so it also holds for chunked bodies without
 * {@code Content-Length}.
 */
@ConfigurationProperties("iinj.gateway.body-limits")
public record BodyLimitProperties(
        @DefaultValue("1MB") DataSize general,
        Map<String, DataSize> routes) {

    public BodyLimitProperties {
        routes = routes == null ? Map.of() : Map.copyOf(routes);
        if (general.isNegative() || routes.values().stream().anyMatch(DataSize::isNegative)) {
            throw new IllegalArgumentException("Body limits must not be negative: " + general + ", " + routes);
        }
    }

    DataSize limitFor(String routeId) {
        return routeId == null ? general : routes.getOrDefault(routeId, general);
    }
}
