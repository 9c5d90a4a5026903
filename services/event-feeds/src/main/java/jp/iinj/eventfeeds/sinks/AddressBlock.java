package jp.iinj.eventfeeds.sinks;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address or a CIDR block ({@code 10.0.0.0/8}, {@code ::1/128}, {@code 127.0.0.1}), IPv4 or IPv6. */
record AddressBlock(byte[] network, int prefixLength) {

    /** @throws IllegalArgumentException for anything but a literal address with an optional prefix length */
    static AddressBlock parse(String text) {
        String[] parts = text.strip().split("/", 2);
        if (!parts[0].matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("not an address literal: " + text);
        }
        byte[] address;
        try {
            address = InetAddress.getByName(parts[0]).getAddress();
        } catch (UnknownHostException notLiteral) {
            throw new IllegalArgumentException("not an address literal: " + text, notLiteral);
        }
        int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
        if (prefix < 0 || prefix > address.length * 8) {
            throw new IllegalArgumentException("prefix length out of range: " + text);
        }
        return new AddressBlock(address, prefix);
    }

    boolean contains(InetAddress candidate) {
        byte[] bytes = candidate.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (bytes[full] & mask) == (network[full] & mask);
    }
}
