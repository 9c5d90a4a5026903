package jp.iinj.identity.signinthrottle;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jp.iinj.identity.IdentityProperties;
import jp.iinj.identity.accounts.AccountStore;
import jp.iinj.identity.accounts.Accounts;
import jp.iinj.identity.clients.MachineClients;
import jp.iinj.identity.support.Api;
import jp.iinj.identity.support.IdentityIntegrationTest;
import jp.iinj.identity.support.IdentityPortal;
import jp.iinj.identity.support.LoginForm;
import jp.iinj.identity.support.StandaloneIdentity;
import jp.iinj.identity.support.TestAccounts;
import jp.iinj.testing.time.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * identity throttles sign-ins itself, called directly as the probe called it on its own port (66 attempts without
 * a single 429): failures are counted per client address and per account or machine client, in MongoDB, and past
 * the limit the answer is 429 with Retry-After: problem+json for clients, the sign-in page saying so for a browser.
 */
@IdentityIntegrationTest
class SignInThrottleIT {

    private static final int PROBE_ATTEMPTS = 66;
    private static final String WRONG = "not the password at all";
    /** Each test in a time window of its own: counts of other tests (all from 127.0.0.1) stay in theirs. */
    private static final AtomicInteger DAY = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    AccountStore store;
    @Autowired
    Accounts accounts;
    @Autowired
    MachineClients clients;
    @Autowired
    MutableClock clock;
    @Autowired
    IdentityProperties properties;

    @TempDir
    Path mail;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theProbesSixtySixWrongPasswordsForOneAccountMeet429AfterTheAccountsLimit() {
        freshWindows();
        String email = TestAccounts.uniqueEmail("probe");
        new TestAccounts(store, accounts).active(email, Set.of(), List.of(), List.of());
        int limit = properties.signInThrottle().accountMaxFailures();

        List<HttpResponse<String>> answers = attempts(LoginForm.open(port, Map.of()), attempt -> email);

        assertThat(answers.subList(0, limit)).allSatisfy(answer -> assertThat(LoginForm.refused(answer)).isTrue());
        assertThat(answers.subList(limit, PROBE_ATTEMPTS)).allSatisfy(SignInThrottleIT::assertThrottled);
        assertThat(Long.parseLong(answers.get(limit).headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, properties.signInThrottle().accountWindow().toSeconds());

        // the right password does not get through either: nothing is checked while throttled
        assertThrottled(LoginForm.open(port, Map.of()).submit(email, TestAccounts.PASSWORD));

        // once the window has passed (and the lockout's cool-down with it) the account signs in again
        clock.advance(properties.signInThrottle().accountWindow().plus(properties.lockout().coolDown()));
        assertThat(IdentityPortal.at(port).trySignIn(email, TestAccounts.PASSWORD)).isPresent();
    }

    @Test
    void oneAddressTryingManyAccountsMeets429AfterTheAddresssLimit() {
        freshWindows();
        int limit = properties.signInThrottle().addressMaxFailures();

        List<HttpResponse<String>> answers = attempts(LoginForm.open(port, Map.of()),
                attempt -> TestAccounts.uniqueEmail("spray-" + attempt));

        assertThat(answers.subList(0, limit)).allSatisfy(answer -> assertThat(LoginForm.refused(answer)).isTrue());
        assertThat(answers.subList(limit, PROBE_ATTEMPTS)).allSatisfy(SignInThrottleIT::assertThrottled);
        // another address (behind the gateway: another caller) is not held up by this one
        String email = TestAccounts.uniqueEmail("elsewhere");
        new TestAccounts(store, accounts).active(email, Set.of(), List.of(), List.of());
        assertThat(IdentityPortal.at(port).trySignIn(email, TestAccounts.PASSWORD)).isPresent();
    }

    @Test
    void aBrowserAtTheFormReadsThePageSayingHowLongToWaitNotAProblemBody() {
        freshWindows();
        String email = TestAccounts.uniqueEmail("browser");
        new TestAccounts(store, accounts).active(email, Set.of(), List.of(), List.of());
        LoginForm browser = LoginForm.open(port, Map.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));
        for (int attempt = 0; attempt < properties.signInThrottle().accountMaxFailures(); attempt++) {
            assertThat(LoginForm.refused(browser.submit(email, WRONG))).isTrue();
        }

        HttpResponse<String> page = browser.submit(email, WRONG);

        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Retry-After")).isPresent();
        assertThat(page.body()).contains("<h1>サインイン</h1>", "role=\"alert\"", "秒ほど待ってから")
                .doesNotContain("too-many-requests", "problem");
    }

    @Test
    void aMachineClientsWrongSecretsMeet429AfterTheLimit() {
        freshWindows();
        MachineClients.CreatedClient client = clients.create("throttled feed reader", List.of("kanto"));
        int limit = properties.signInThrottle().accountMaxFailures();
        Api api = new Api(port);

        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int attempt = 0; attempt < PROBE_ATTEMPTS; attempt++) {
            answers.add(api.clientCredentials(client.clientId(), "wrong-secret-" + attempt, "feeds.read"));
        }

        assertThat(answers.subList(0, limit)).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(401));
        assertThat(answers.subList(limit, PROBE_ATTEMPTS)).allSatisfy(SignInThrottleIT::assertThrottled);
        assertThrottled(api.clientCredentials(client.clientId(), client.clientSecret(), "feeds.read"));
    }

    @Test
    void instancesOnOneDatabaseCountTogether() {
        String database = "identity-throttle-" + UUID.randomUUID().toString().substring(0, 8);
        // a window of a day: ten attempts cannot straddle two windows (both instances run on the system clock)
        String[] settings = {"--iinj.identity.sign-in-throttle.account-window=1d"};
        try (ConfigurableApplicationContext first = StandaloneIdentity.start(database, mail, settings);
             ConfigurableApplicationContext second = StandaloneIdentity.start(database, mail, settings)) {
            String email = TestAccounts.uniqueEmail("two-instances");
            new TestAccounts(first.getBean(AccountStore.class), first.getBean(Accounts.class))
                    .active(email, Set.of(), List.of(), List.of());
            int limit = first.getBean(IdentityProperties.class).signInThrottle().accountMaxFailures();
            List<LoginForm> forms = List.of(
                    LoginForm.open(StandaloneIdentity.port(first), Map.of("X-Forwarded-For", IdentityPortal.clientAddress())),
                    LoginForm.open(StandaloneIdentity.port(second), Map.of("X-Forwarded-For", IdentityPortal.clientAddress())));

            for (int attempt = 0; attempt < limit; attempt++) {
                assertThat(LoginForm.refused(forms.get(attempt % 2).submit(email, WRONG))).isTrue();
            }

            assertThrottled(forms.get(0).submit(email, WRONG));
            assertThrottled(forms.get(1).submit(email, WRONG));
        }
    }

    private List<HttpResponse<String>> attempts(LoginForm form, java.util.function.IntFunction<String> email) {
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int attempt = 0; attempt < PROBE_ATTEMPTS; attempt++) {
            answers.add(form.submit(email.apply(attempt), WRONG));
        }
        return answers;
    }

    private void freshWindows() {
        clock.set(Instant.parse("2031-01-01T00:00:00Z").plus(Duration.ofDays(DAY.incrementAndGet())));
    }

    /** 429 with Retry-After: at the login form (a browser) the sign-in page saying so, for clients a problem. */
    private static void assertThrottled(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(429);
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        if (answer.request().uri().getPath().equals("/login")) {
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/html"));
            assertThat(answer.body()).contains("role=\"alert\"");
            return;
        }
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Api.json(answer).path("type").asString()).isEqualTo("https://iinj.jp/problems/too-many-requests");
    }
}
