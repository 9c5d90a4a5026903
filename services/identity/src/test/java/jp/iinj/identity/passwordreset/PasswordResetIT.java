package jp.iinj.identity.passwordreset;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import jp.iinj.identity.accounts.AccountStore;
import jp.iinj.identity.accounts.Accounts;
import jp.iinj.identity.mail.FileMailSender;
import jp.iinj.identity.support.Api;
import jp.iinj.identity.support.IdentityIntegrationTest;
import jp.iinj.testing.mail.MailBox;
import jp.iinj.testing.time.MutableClock;
import jp.iinj.identity.support.TestAccounts;
import jp.iinj.testing.web.Portal;
import jp.iinj.identity.support.IdentityPortal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Priority 5: "forgot my password", through the mail file a person would open. The request is answered at once and
 * the mail follows from the worker, so every mail is awaited.
 */
@IdentityIntegrationTest
class PasswordResetIT {

    private static final String NEW_PASSWORD = "a brand new passphrase 42";

    @LocalServerPort
    int port;
    @Autowired
    AccountStore store;
    @Autowired
    Accounts accounts;
    @Autowired
    FileMailSender mailSender;
    @Autowired
    MutableClock clock;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    ResetRequests requests;
    @Autowired
    ResetRequestSettings settings;

    Api api;
    Portal portal;
    MailBox mailBox;
    String email;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        portal = IdentityPortal.at(port);
        mailBox = new MailBox(mailSender.directory());
        email = TestAccounts.uniqueEmail("forgetful");
        new TestAccounts(store, accounts).active(email, Set.of(), List.of(), List.of());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void resetThroughTheMailedLinkThenSignInWithTheNewPassword() {
        var requested = api.post("/api/identity/password-resets", "{\"email\":" + Api.quote(email.toUpperCase()) + "}");
        assertThat(requested.statusCode()).isEqualTo(202);

        String mail = mailBox.awaitMessage(email, 1);
        assertThat(mail).contains("Subject: IINJ platform: reset your password")
                .contains("http://localhost:8100/account/password?token=");
        String token = MailBox.tokenIn(mail);

        var reset = api.post("/api/identity/password-resets/" + token, "{\"password\":" + Api.quote(NEW_PASSWORD) + "}");
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(204);

        assertThat(portal.trySignIn(email, NEW_PASSWORD)).isPresent();
        assertThat(portal.trySignIn(email, TestAccounts.PASSWORD)).as("old password").isEmpty();

        // single use
        var again = api.post("/api/identity/password-resets/" + token, "{\"password\":\"yet another passphrase\"}");
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(Api.json(again).get("type").asString()).isEqualTo("https://iinj.jp/problems/gone");
    }

    @Test
    void aKnownAndAnUnknownEmailGetTheSameAnswerAndOnlyTheKnownOneAMail() {
        String unknown = TestAccounts.uniqueEmail("nobody");

        HttpResponse<String> known = requestReset(email);
        HttpResponse<String> nobody = requestReset(unknown);

        assertThat(known.statusCode()).isEqualTo(202);
        assertThat(nobody.statusCode()).isEqualTo(known.statusCode());
        assertThat(nobody.body()).isEqualTo(known.body()).isEmpty();
        assertThat(withoutDate(nobody.headers().map())).isEqualTo(withoutDate(known.headers().map()));
        assertThat(mailBox.awaitMessage(email, 1)).contains("Subject: IINJ platform: reset your password");
        await("the request for the unknown e-mail handled").atMost(Duration.ofSeconds(30))
                .until(() -> pendingRequestsFor(unknown) == 0);
        assertThat(mailBox.messagesTo(unknown)).isEmpty();
    }

    @Test
    void aRequestLeftByAnInstanceThatStoppedIsHandledOnceItsLeaseHasPassed() {
        // claimed by an instance that stopped before handling it: nobody else may take it until the lease passes
        mongo.insert(new ResetRequest("left-" + System.nanoTime(), email, clock.instant(),
                clock.instant().plus(settings.lease()), 1));

        clock.advance(settings.lease().plusSeconds(1));

        assertThat(mailBox.awaitMessage(email, 1)).contains("Subject: IINJ platform: reset your password");
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingRequestsFor(email) == 0);
    }

    @Test
    void concurrentClaimsNeverTakeOneRequestTwice() throws Exception {
        List<String> emails = IntStream.range(0, 40).mapToObj(i -> TestAccounts.uniqueEmail("claim" + i)).toList();
        emails.forEach(requests::record);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<List<ResetRequest>>> claimers = IntStream.range(0, 6)
                    .mapToObj(i -> pool.submit(() -> {
                        List<ResetRequest> claimed = new ArrayList<>();
                        for (Optional<ResetRequest> next = requests.claimNext(); next.isPresent(); next = requests.claimNext()) {
                            claimed.add(next.get());
                        }
                        return claimed;
                    }))
                    .toList();
            List<ResetRequest> claimed = new ArrayList<>();
            for (Future<List<ResetRequest>> claimer : claimers) {
                claimed.addAll(claimer.get(30, TimeUnit.SECONDS));
            }
            // the service's own worker may have taken some; none was taken twice
            assertThat(claimed).extracting(ResetRequest::id).doesNotHaveDuplicates();
            claimed.forEach(requests::remove);
        } finally {
            pool.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> emails.stream().allMatch(e -> pendingRequestsFor(e) == 0));
    }

    private HttpResponse<String> requestReset(String address) {
        return api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/identity/password-resets"))
                .header("Content-Type", "application/json")
                .header("X-Correlation-Id", "reset-timing-probe")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":" + Api.quote(address) + "}"))
                .build());
    }

    private long pendingRequestsFor(String address) {
        return mongo.count(Query.query(Criteria.where("email").is(address)), ResetRequest.class);
    }

    private static Map<String, List<String>> withoutDate(Map<String, List<String>> headers) {
        Map<String, List<String>> compared = new TreeMap<>(headers);
        compared.remove("date");
        return compared;
    }

    @Test
    void aKnownPersonGetsAtMostTheHourlyNumberOfResetMailsHoweverManyAreRequested() {
        int limit = settings.mailsPerHour();
        for (int i = 0; i < limit + 2; i++) {
            assertThat(requestReset(email).statusCode()).isEqualTo(202);
        }
        await("every request handled").atMost(Duration.ofSeconds(30)).until(() -> pendingRequestsFor(email) == 0);
        assertThat(mailBox.messagesTo(email)).hasSize(limit);

        // an hour later the person can ask again
        clock.advance(Duration.ofMinutes(61));
        requestReset(email);
        assertThat(mailBox.awaitMessage(email, limit + 1)).contains("Subject: IINJ platform: reset your password");
    }

    @Test
    void aWeakPasswordIsRefusedWithoutSpendingTheToken() {
        api.post("/api/identity/password-resets", "{\"email\":" + Api.quote(email) + "}");
        String token = MailBox.tokenIn(mailBox.awaitMessage(email, 1));
        String localPart = email.substring(0, email.indexOf('@'));

        var tooShort = api.post("/api/identity/password-resets/" + token, "{\"password\":\"short\"}");
        var withName = api.post("/api/identity/password-resets/" + token,
                "{\"password\":" + Api.quote("my " + localPart + " password") + "}");

        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(Api.json(tooShort).get("errors").get(0).get("field").asString()).isEqualTo("password");
        assertThat(withName.statusCode()).isEqualTo(400);
        assertThat(api.post("/api/identity/password-resets/" + token,
                "{\"password\":" + Api.quote(NEW_PASSWORD) + "}").statusCode()).isEqualTo(204);
    }

    @Test
    void anExpiredOrUnknownTokenIsRefused() {
        api.post("/api/identity/password-resets", "{\"email\":" + Api.quote(email) + "}");
        String token = MailBox.tokenIn(mailBox.awaitMessage(email, 1));

        clock.advance(Duration.ofHours(1).plusSeconds(1));
        var expired = api.post("/api/identity/password-resets/" + token, "{\"password\":" + Api.quote(NEW_PASSWORD) + "}");
        var unknown = api.post("/api/identity/password-resets/" + Portal.randomUrlSafe(32),
                "{\"password\":" + Api.quote(NEW_PASSWORD) + "}");
        var garbage = api.post("/api/identity/password-resets/..%2F..%2Fetc", "{\"password\":" + Api.quote(NEW_PASSWORD) + "}");

        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(Api.json(unknown).get("type").asString()).isEqualTo("https://iinj.jp/problems/invalid-request");
        assertThat(garbage.statusCode()).isBetween(400, 499);
    }

    @Test
    void aNewRequestReplacesTheEarlierLink() {
        api.post("/api/identity/password-resets", "{\"email\":" + Api.quote(email) + "}");
        String first = MailBox.tokenIn(mailBox.awaitMessage(email, 1));
        api.post("/api/identity/password-resets", "{\"email\":" + Api.quote(email) + "}");
        String second = MailBox.tokenIn(mailBox.awaitMessage(email, 2));

        assertThat(api.post("/api/identity/password-resets/" + first,
                "{\"password\":" + Api.quote(NEW_PASSWORD) + "}").statusCode()).isEqualTo(410);
        assertThat(api.post("/api/identity/password-resets/" + second,
                "{\"password\":" + Api.quote(NEW_PASSWORD) + "}").statusCode()).isEqualTo(204);
    }
}
