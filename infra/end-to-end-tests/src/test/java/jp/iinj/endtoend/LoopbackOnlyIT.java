package jp.iinj.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import jp.iinj.endtoend.support.EndToEndTest;
import jp.iinj.endtoend.support.ListeningSockets;
import jp.iinj.endtoend.support.RunningPlatform;

/**
 * Nothing the local platform starts is open to other machines: Kafka (broker and controller), MongoDB and every
 * service, the gateway included, listen on the loopback interface only.
 */
@EndToEndTest
class LoopbackOnlyIT {

    private static final int CONNECT_TIMEOUT_MS = 2000;

    @Test
    void every_listener_of_the_platform_is_bound_to_the_loopback_interface(RunningPlatform platform) {
        assumeThat(ListeningSockets.available()).as("the kernel's socket tables (/proc/net/tcp, Linux)").isTrue();
        Map<String, Integer> ports = platform.ports();
        Map<Integer, List<InetAddress>> bound = ListeningSockets.on(new HashSet<>(ports.values()));

        SoftAssertions softly = new SoftAssertions();
        ports.forEach((listener, port) -> {
            softly.assertThat(bound.get(port)).as("%s (port %d) listens", listener, port).isNotEmpty();
            softly.assertThat(bound.get(port)).as("addresses %s (port %d) is bound to", listener, port)
                    .allSatisfy(address -> assertThat(address.isLoopbackAddress()).as("%s is loopback", address).isTrue());
        });
        softly.assertAll();
    }

    @Test
    void no_listener_of_the_platform_answers_on_this_machines_other_addresses(RunningPlatform platform) throws SocketException {
        List<InetAddress> outward = outwardAddresses();
        assumeThat(outward).as("a network interface other than loopback").isNotEmpty();

        SoftAssertions softly = new SoftAssertions();
        platform.ports().forEach((listener, port) -> {
            softly.assertThat(connects(InetAddress.getLoopbackAddress(), port)).as("%s at 127.0.0.1:%d", listener, port).isTrue();
            for (InetAddress address : outward) {
                softly.assertThat(connects(address, port)).as("%s at %s:%d", listener, address.getHostAddress(), port).isFalse();
            }
        });
        softly.assertAll();
    }

    private static List<InetAddress> outwardAddresses() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(network -> {
                    try {
                        return network.isUp() && !network.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .toList();
    }

    private static boolean connects(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
