package jp.iinj.endtoend.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The listening TCP sockets of this machine as the Linux kernel lists them ({@code /proc/net/tcp} and
 * {@code /proc/net/tcp6}): the address each one is bound to, whichever process holds it.
 */
public final class ListeningSockets {

    private static final Path IPV4 = Path.of("/proc/net/tcp");
    private static final Path IPV6 = Path.of("/proc/net/tcp6");
    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    /** Whether this machine lists its sockets there (Linux). */
    public static boolean available() {
        return Files.isReadable(IPV4);
    }

    /** For each of these ports, the local addresses of the sockets listening on it (empty: none listens). */
    public static Map<Integer, List<InetAddress>> on(Set<Integer> ports) {
        Map<Integer, List<InetAddress>> bound = new HashMap<>();
        ports.forEach(port -> bound.put(port, new ArrayList<>()));
        for (Path table : List.of(IPV4, IPV6)) {
            for (String line : lines(table)) {
                // sl local_address rem_address st ...; the address is hex, each 32-bit word in host (little-endian) order
                String[] fields = line.trim().split("\\s+");
                if (fields.length < 4 || !fields[1].contains(":") || !LISTEN.equals(fields[3])) {
                    continue;
                }
                String[] local = fields[1].split(":");
                int port = Integer.parseInt(local[1], 16);
                if (bound.containsKey(port)) {
                    bound.get(port).add(address(local[0]));
                }
            }
        }
        return bound;
    }

    private static List<String> lines(Path table) {
        if (!Files.isReadable(table)) {
            return List.of();
        }
        try {
            List<String> lines = Files.readAllLines(table);
            return lines.subList(Math.min(1, lines.size()), lines.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InetAddress address(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int at = (word * 4 + (3 - i)) * 2;
                bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("not an address: " + hex, e);
        }
    }
}
