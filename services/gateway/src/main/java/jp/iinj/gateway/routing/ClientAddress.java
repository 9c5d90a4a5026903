package jp.iinj.gateway.routing;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The address a request comes from, for the per-address rate limits and the {@code X-Forwarded-For} the services
 * get (identity throttles sign-in failures by it): the connection's peer, except for a trusted forwarder.
 *
 * <p>The portal calls the APIs for the people using it, all from its own address; a registration through the portal
 * would otherwise count against one bucket for everybody. Its addresses are listed in {@code iinj.gateway.forwarders}
 * ({@code IINJ_GATEWAY_FORWARDERS}, comma-separated; empty by default): a request from one of them that names an
 * address in {@code X-Forwarded-For} (its last entry, the one the forwarder added) counts as coming from there. From
 * any other peer the header is ignored, as before. On the local platform everything comes from 127.0.0.1 anyway.
 */
@Component
public class ClientAddress {

    /** an IPv4 or IPv6 literal, nothing else: a name or garbage in the header is not an address */
    private static final Pattern ADDRESS = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final Set<String> forwarders;

    public ClientAddress(@Value("${iinj.gateway.forwarders:}") List<String> forwarders) {
        this.forwarders = Set.copyOf(forwarders.stream().map(String::strip).filter(value -> !value.isEmpty()).toList());
    }

    public String of(ServerWebExchange exchange) {
        String peer = peer(exchange);
        if (peer == null || !forwarders.contains(peer)) {
            return peer;
        }
        String forwardedFor = exchange.getRequest().getHeaders().getFirst("X-Forwarded-For");
        if (forwardedFor == null) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        String last = hops[hops.length - 1].strip();
        return ADDRESS.matcher(last).matches() && last.length() <= 45 ? last : peer;
    }

    private static String peer(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return null;
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
