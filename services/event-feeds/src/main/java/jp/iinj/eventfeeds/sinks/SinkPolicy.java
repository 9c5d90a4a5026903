package jp.iinj.eventfeeds.sinks;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Where a webhook may go, against server-side request forgery: a subscriber names a URL, and the platform must not
 * become its way into the platform's own network or a cloud's metadata service. {@code https} only (unless
 * {@code http} is allowed for local use); every address the host resolves to must be public: not loopback, private,
 * link-local (cloud metadata lives there), unique-local, carrier-grade NAT, multicast or unspecified, unless the
 * allow-list names it. Checked when a subscription is made, and again for every connection
 * ({@link SinkAddressResolver}), because a name can resolve elsewhere later (DNS rebinding).
 */
@Component
public class SinkPolicy {

    private static final List<AddressBlock> NOT_PUBLIC = List.of(
            AddressBlock.parse("0.0.0.0/8"), AddressBlock.parse("10.0.0.0/8"), AddressBlock.parse("100.64.0.0/10"),
            AddressBlock.parse("127.0.0.0/8"), AddressBlock.parse("169.254.0.0/16"), AddressBlock.parse("172.16.0.0/12"),
            AddressBlock.parse("192.0.0.0/24"), AddressBlock.parse("192.168.0.0/16"), AddressBlock.parse("198.18.0.0/15"),
            AddressBlock.parse("224.0.0.0/4"), AddressBlock.parse("240.0.0.0/4"),
            AddressBlock.parse("::/96"), AddressBlock.parse("fc00::/7"),
            AddressBlock.parse("fe80::/10"), AddressBlock.parse("ff00::/8"), AddressBlock.parse("64:ff9b::/96"),
            AddressBlock.parse("64:ff9b:1::/48"), AddressBlock.parse("2002::/16"));

    /** A host that URL parsers (WHATWG's) take for an IPv4 address: its last label is a number, decimal or hex. */
    private static final Pattern ENDS_IN_A_NUMBER = Pattern.compile("(?i)(?:.*\\.)?(?:[0-9]+|0x[0-9a-f]*)\\.?");
    private static final Pattern DOTTED_DECIMAL = Pattern.compile(
            "(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");

    private final boolean allowHttp;
    private final List<AddressBlock> allowed;

    public SinkPolicy(SinkSettings settings) {
        this.allowHttp = settings.allowHttp();
        this.allowed = settings.allowedAddresses().stream().map(AddressBlock::parse).toList();
    }

    /** Why this sink URL is refused by its form alone, or empty: scheme, host, no credentials, no fragment. */
    public Optional<String> refusalOfForm(URI sink) {
        String scheme = sink.getScheme() == null ? "" : sink.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            return Optional.of(allowHttp ? "must be an http or https URL" : "must be an https URL");
        }
        if (sink.getHost() == null || sink.getHost().isBlank()) {
            return Optional.of("must name a host");
        }
        if (sink.getUserInfo() != null) {
            return Optional.of("must not carry credentials");
        }
        if (sink.getFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        return Optional.empty();
    }

    /**
     * Why a host given as an address literal ({@code 10.0.0.1}, {@code [::1]}) is refused; empty for an allowed one
     * or a name (names are checked when resolved).
     */
    public Optional<String> refusalOfLiteral(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!bare.contains(":")) {
            if (!ENDS_IN_A_NUMBER.matcher(bare).matches()) {
                return Optional.empty();
            }
            // 2130706433, 0x7f.0.0.1, 0177.0.0.1, 127.1: parsers disagree on what these are (Java reads 0177 as
            // 177, curl and browsers as 127), so only the one form all read alike is taken; and nothing that looks
            // like an address is ever looked up as a name
            if (!DOTTED_DECIMAL.matcher(bare).matches()) {
                return Optional.of("an IPv4 address must be written as four decimal numbers without leading zeros, "
                        + "e.g. 203.0.113.7");
            }
        }
        try {
            InetAddress address = InetAddress.getByName(bare);
            return mayConnect(address) ? Optional.empty()
                    : Optional.of(address.getHostAddress() + " is an address webhooks may not reach");
        } catch (UnknownHostException malformed) {
            return Optional.of("is not a valid address");
        }
    }

    /** Why the sink is refused, resolving its host now; empty when it may be used. */
    public Optional<String> refusal(URI sink) {
        Optional<String> form = refusalOfForm(sink);
        if (form.isPresent()) {
            return form;
        }
        try {
            InetAddress[] addresses = InetAddress.getAllByName(sink.getHost());
            for (InetAddress address : addresses) {
                if (!mayConnect(address)) {
                    return Optional.of("resolves to an address that is not public (" + address.getHostAddress() + ")");
                }
            }
            return Optional.empty();
        } catch (UnknownHostException unknown) {
            return Optional.of("its host does not resolve");
        }
    }

    /** A public address, or one the allow-list names. */
    public boolean mayConnect(InetAddress address) {
        if (allowed.stream().anyMatch(block -> block.contains(address))) {
            return true;
        }
        return NOT_PUBLIC.stream().noneMatch(block -> block.contains(address))
                && !address.isAnyLocalAddress() && !address.isLoopbackAddress() && !address.isLinkLocalAddress()
                && !address.isSiteLocalAddress() && !address.isMulticastAddress();
    }
}
