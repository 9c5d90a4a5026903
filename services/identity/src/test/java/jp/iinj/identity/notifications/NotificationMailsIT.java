package jp.iinj.identity.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.identity.accounts.Account;
import jp.iinj.identity.accounts.AccountStore;
import jp.iinj.identity.accounts.Accounts;
import jp.iinj.identity.mail.FileMailSender;
import jp.iinj.identity.preferences.LanguagePreferences;
import jp.iinj.identity.support.IdentityIntegrationTest;
import jp.iinj.identity.support.TestAccounts;
import jp.iinj.testing.infrastructure.TestInfrastructure;
import jp.iinj.testing.kafka.TestProducer;
import jp.iinj.testing.kafka.TopicProbe;
import jp.iinj.testing.mail.MailBox;

/**
 * Business matching names whom to tell, never an address: identity mails each person of the member (or the bureau's
 * regional bodies, or one person) once, in their language, with the portal link and nothing else.
 */
@IdentityIntegrationTest
class NotificationMailsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static TestProducer producer;
    private static TopicProbe deadLetters;

    @Autowired
    AccountStore store;
    @Autowired
    Accounts accounts;
    @Autowired
    LanguagePreferences languages;
    @Autowired
    FileMailSender mailSender;

    TestAccounts testAccounts;
    MailBox mailBox;

    @BeforeAll
    static void connect() {
        String kafka = TestInfrastructure.shared().kafkaBootstrapServers();
        producer = TestProducer.connect(kafka);
        deadLetters = TopicProbe.subscribe(kafka, TopicCatalogue.MATCHING_NOTIFICATIONS_V1.deadLetterTopic());
    }

    @AfterAll
    static void close() {
        producer.close();
        deadLetters.close();
    }

    @BeforeEach
    void setUp() {
        testAccounts = new TestAccounts(store, accounts);
        mailBox = new MailBox(mailSender.directory());
    }

    @Test
    void everyPersonOfTheMemberGetsOneMailInTheirLanguageWhateverTheRedelivery() {
        String memberId = UUID.randomUUID().toString();
        Account japanese = testAccounts.active(TestAccounts.uniqueEmail("ja"), Set.of(PlatformRole.MEMBER),
                List.of(memberId), List.of());
        Account english = testAccounts.active(TestAccounts.uniqueEmail("en"), Set.of(PlatformRole.MEMBER),
                List.of(memberId), List.of());
        languages.choose(english.id(), "en");
        String notification = UUID.randomUUID().toString();

        send(UUID.randomUUID().toString(), notification, memberId, null, "match-proposed", "/matching/proposals");
        // the same request again under another event id, as a relay retry after a crash would send it
        send(UUID.randomUUID().toString(), notification, memberId, null, "match-proposed", "/matching/proposals");

        assertThat(mailBox.awaitMessage(japanese.email(), 1)).contains("新しいマッチング提案")
                .contains("/matching/proposals");
        assertThat(mailBox.awaitMessage(english.email(), 1)).contains("A new partner has been proposed")
                .contains("/matching/proposals");
        send(UUID.randomUUID().toString(), UUID.randomUUID().toString(), memberId, null, "a-kind-not-known-yet",
                "/matching");
        assertThat(mailBox.awaitMessage(english.email(), 2)).contains("something new for you");
        assertThat(mailBox.messagesTo(japanese.email())).hasSize(2);
        assertThat(mailBox.messagesTo(english.email())).hasSize(2);
    }

    @Test
    void aBureauNotificationReachesThatBureausRegionalBodiesOnly() {
        Account kyushu = testAccounts.active(TestAccounts.uniqueEmail("rb-kyushu"), Set.of(PlatformRole.REGIONAL_BODY),
                List.of(), List.of("kyushu"));
        Account okinawa = testAccounts.active(TestAccounts.uniqueEmail("rb-okinawa"), Set.of(PlatformRole.REGIONAL_BODY),
                List.of(), List.of("okinawa"));

        send(UUID.randomUUID().toString(), UUID.randomUUID().toString(), null, "kyushu", "interest-expiring",
                "/matching/interests/received");

        assertThat(mailBox.awaitMessage(kyushu.email(), 1)).contains("回答期限");
        assertThat(mailBox.messagesTo(okinawa.email())).isEmpty();
    }

    @Test
    void aRequestWithoutExactlyOneRecipientOrWithAForeignLinkIsDeadLettered() {
        String twoRecipients = UUID.randomUUID().toString();
        String foreignLink = UUID.randomUUID().toString();
        send(twoRecipients, UUID.randomUUID().toString(), UUID.randomUUID().toString(), "kanto", "match-proposed", "/x");
        send(foreignLink, UUID.randomUUID().toString(), UUID.randomUUID().toString(), null, "match-proposed",
                "//evil.example/phish");

        var dead = deadLetters.awaitRecords(record -> List.of(twoRecipients, foreignLink)
                .contains(TopicProbe.header(record, "ce_id")), 2, WAIT);
        assertThat(dead).hasSize(2);
    }

    private static void send(String eventId, String notificationId, String memberId, String bureau, String kind,
                             String link) {
        String json = "{\"notificationId\":\"" + notificationId + "\","
                + "\"recipientMemberId\":" + quoted(memberId) + ",\"recipientBureau\":" + quoted(bureau) + ","
                + "\"recipientSubject\":null,\"kind\":\"" + kind + "\",\"link\":\"" + link + "\","
                + "\"requestedAt\":\"" + Instant.now() + "\"}";
        producer.sendEvent(TopicCatalogue.MATCHING_NOTIFICATION_REQUESTED_V1, eventId, notificationId, json);
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
