package jp.iinj.eventfeeds.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which sinks webhooks may go to: https to public addresses only, unless the settings say otherwise. */
class SinkPolicyTest {

    private static final SinkPolicy STRICT = new SinkPolicy(new SinkSettings(false, List.of()));
    private static final SinkPolicy LOCAL = new SinkPolicy(new SinkSettings(true, List.of("127.0.0.1/32", "::1")));

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "169.254.0.1", "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "198.18.0.1",
            "::1", "::", "fe80::1", "fd00:ec2::254", "fc00::1", "ff02::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1",
            "::127.0.0.1", "64:ff9b::a00:1", "64:ff9b:1::a00:1", "2002:7f00:1::1", "2130706433", "127.1"})
    void privateLoopbackLinkLocalAndMetadataAddressesAreRefused(String address) throws Exception {
        assertThat(STRICT.mayConnect(InetAddress.getByName(address))).as(address).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "203.0.113.7", "172.32.0.1", "100.128.0.1", "2001:4860:4860::8888"})
    void publicAddressesAreAllowed(String address) throws Exception {
        assertThat(STRICT.mayConnect(InetAddress.getByName(address))).as(address).isTrue();
    }

    @Test
    void theAllowListOpensExactlyWhatItNames() throws Exception {
        assertThat(LOCAL.mayConnect(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(LOCAL.mayConnect(InetAddress.getByName("::1"))).isTrue();
        assertThat(LOCAL.mayConnect(InetAddress.getByName("127.0.0.2"))).isFalse();
        assertThat(LOCAL.mayConnect(InetAddress.getByName("10.0.0.1"))).isFalse();
    }

    @Test
    void httpsOnlyUnlessHttpIsAllowedAndNoCredentialsOrFragments() {
        assertThat(STRICT.refusalOfForm(URI.create("http://203.0.113.7/hook"))).contains("must be an https URL");
        assertThat(STRICT.refusalOfForm(URI.create("ftp://203.0.113.7/hook"))).isPresent();
        assertThat(STRICT.refusalOfForm(URI.create("https://user:pw@203.0.113.7/hook"))).isPresent();
        assertThat(STRICT.refusalOfForm(URI.create("https://203.0.113.7/hook#x"))).isPresent();
        assertThat(STRICT.refusalOfForm(URI.create("https://203.0.113.7/hook"))).isEmpty();
        assertThat(LOCAL.refusalOfForm(URI.create("http://127.0.0.1:8080/hook"))).isEmpty();
    }

    /**
     * Numeric hosts other than dotted decimal are refused by their form, even where the allow-list opens loopback:
     * Java reads 0177.0.0.1 as 177.0.0.1 where curl and browsers read 127.0.0.1, and none of them is a sink anyone
     * means. Nothing shaped like an address is looked up as a name.
     */
    @ParameterizedTest
    @ValueSource(strings = {"2130706433", "2852039166", "0177.0.0.1", "0251.0376.0251.0376", "127.1", "0x7f.0.0.1",
            "0xa9fea9fe", "0x7f000001", "127.0.0.01", "1.2.3.4.5", "999.1.1.1", "0", "127.0.0.1.", "example.0x1"})
    void numericHostsOtherThanDottedDecimalAreRefusedByTheirForm(String host) {
        assertThat(LOCAL.refusalOfLiteral(host)).as(host).get().asString().contains("four decimal numbers");
        assertThat(STRICT.refusalOfLiteral(host)).as(host).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "1password.com", "x0.example", "0x.example", "203.0.113.7"})
    void namesAndDottedDecimalAreNotRefusedByTheirForm(String host) {
        assertThat(STRICT.refusalOfLiteral(host)).as(host).isEmpty();
    }

    @Test
    void aNameThatResolvesToLoopbackIsRefusedAsItsAddressWouldBe() {
        assertThat(STRICT.refusal(URI.create("https://localhost/hook"))).get().asString()
                .contains("not public");
        assertThat(STRICT.refusal(URI.create("https://169.254.169.254/latest/meta-data"))).isPresent();
        assertThat(STRICT.refusal(URI.create("https://no-such-host.invalid/hook"))).contains("its host does not resolve");
        assertThat(LOCAL.refusal(URI.create("http://127.0.0.1:9/hook"))).isEmpty();
    }

    @Test
    void addressLiteralsAreCheckedWithoutResolvingNamesAreLeftToTheResolver() {
        assertThat(STRICT.refusalOfLiteral("10.0.0.1")).isPresent();
        assertThat(STRICT.refusalOfLiteral("[::1]")).isPresent();
        assertThat(STRICT.refusalOfLiteral("[fe80::1]")).isPresent();
        assertThat(STRICT.refusalOfLiteral("8.8.8.8")).isEmpty();
        assertThat(STRICT.refusalOfLiteral("example.com")).isEmpty();
        assertThat(LOCAL.refusalOfLiteral("127.0.0.1")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "10.0.0.0/33", "1.2.3.4/-1", "example.com"})
    void theAllowListTakesOnlyAddressLiterals(String entry) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SinkPolicy(new SinkSettings(true, List.of(entry))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
