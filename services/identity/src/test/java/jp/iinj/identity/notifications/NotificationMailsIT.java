package jp.iinj.identity.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import jp.iinj.identity.IdentityProperties;
import jp.iinj.identity.accounts.Account;
import jp.iinj.identity.accounts.AccountStatus;
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
 * Business matching and coordination name whom to tell, never an address: identity mails each person of the member (or the bureau's
 * regional bodies, or one person) once, in their language, with the portal link and nothing else.
 * <p>
 * That nothing was mailed is shown by a later request with the same record key (so the same partition, applied
 * after it) whose mail arrives.
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
    @Autowired
    IdentityProperties properties;

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
    void everyActivePersonOfTheMemberGetsOneMailInTheirLanguageWithTheKindsWordingAndTheLinkOnly() {
        String memberId = UUID.randomUUID().toString();
        Account japanese = member(memberId, "ja");
        Account english = member(memberId, "en");
        languages.choose(english.id(), "en");
        Account disabled = store.insert(TestAccounts.uniqueEmail("disabled"), "Disabled Person",
                Set.of(PlatformRole.MEMBER), List.of(memberId), List.of(), AccountStatus.DISABLED);
        Account left = member(memberId, "left");
        accounts.removeFromMember(memberId, left.id());
        String notification = UUID.randomUUID().toString();

        send(UUID.randomUUID().toString(), notification,
                request(notification, memberId, null, null, "match-proposed", "/matching/proposals/p-123"));

        String link = "  " + portal() + "/matching/proposals/p-123\n";
        assertThat(mailBox.awaitMessage(japanese.email(), 1)).isEqualTo("To: " + japanese.email() + "\n"
                + "Subject: IINJ: 新しいマッチング提案があります\n\n"
                + NotificationTexts.of("match-proposed").bodyJa() + "\n\n" + link);
        assertThat(mailBox.awaitMessage(english.email(), 1)).isEqualTo("To: " + english.email() + "\n"
                + "Subject: IINJ platform: a new match proposal\n\n"
                + NotificationTexts.of("match-proposed").bodyEn() + "\n\n" + link);
        // both mailed in one handler call, which skipped these two before mailing anyone
        assertThat(mailBox.messagesTo(disabled.email())).isEmpty();
        assertThat(mailBox.messagesTo(left.email())).isEmpty();
    }

    @Test
    void redeliveryUnderTheSameEventIdOrTheSameNotificationUnderANewOneMailsNobodyTwice() {
        String memberId = UUID.randomUUID().toString();
        Account japanese = member(memberId, "ja");
        Account english = member(memberId, "en");
        languages.choose(english.id(), "en");
        String notification = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String json = request(notification, memberId, null, null, "interest-expressed", "/matching/interests/i-1");

        send(eventId, notification, json);
        send(eventId, notification, json);
        // the same request under another event id, as a relay's retry after a crash would send it
        send(UUID.randomUUID().toString(), notification, json);
        String unknownKind = UUID.randomUUID().toString();
        send(UUID.randomUUID().toString(), notification,
                request(unknownKind, memberId, null, null, "a-kind-not-known-yet", "/matching"));

        List<String> toJapanese = awaitMessageWith(japanese.email(), "Subject: IINJ: 新しいお知らせがあります");
        List<String> toEnglish = awaitMessageWith(english.email(), "Subject: IINJ platform: you have a new notification");
        assertThat(toJapanese).hasSize(2).filteredOn(mail -> mail.contains("関心を表明")).hasSize(1);
        assertThat(toEnglish).hasSize(2).filteredOn(mail -> mail.contains("expressed interest")).hasSize(1);
        assertThat(toEnglish).filteredOn(mail -> mail.contains("There is something new for you in the portal.")
                && mail.endsWith("  " + portal() + "/matching\n")).hasSize(1);
    }

    @Test
    void aBureauNotificationReachesThatBureausActiveRegionalBodiesOnly() {
        Account kyushu = staff("rb-kyushu", PlatformRole.REGIONAL_BODY, List.of("kyushu"), AccountStatus.ACTIVE);
        Account twoBureaus = staff("rb-two", PlatformRole.REGIONAL_BODY, List.of("okinawa", "kyushu"),
                AccountStatus.ACTIVE);
        Account okinawa = staff("rb-okinawa", PlatformRole.REGIONAL_BODY, List.of("okinawa"), AccountStatus.ACTIVE);
        Account coordinator = staff("co-kyushu", PlatformRole.COORDINATOR, List.of("kyushu"), AccountStatus.ACTIVE);
        Account disabled = staff("rb-disabled", PlatformRole.REGIONAL_BODY, List.of("kyushu"), AccountStatus.DISABLED);
        String notification = UUID.randomUUID().toString();

        send(UUID.randomUUID().toString(), notification,
                request(notification, null, "kyushu", null, "interest-expiring", "/matching/interests/received"));

        assertThat(mailBox.awaitMessage(kyushu.email(), 1)).contains("回答期限")
                .endsWith("  " + portal() + "/matching/interests/received\n");
        assertThat(mailBox.awaitMessage(twoBureaus.email(), 1)).contains("回答期限");
        assertThat(mailBox.messagesTo(okinawa.email())).isEmpty();
        assertThat(mailBox.messagesTo(coordinator.email())).isEmpty();
        assertThat(mailBox.messagesTo(disabled.email())).isEmpty();
    }

    @Test
    void aSubjectNotificationReachesThatOnePersonIfTheirAccountIsActive() {
        Account coordinator = staff("co", PlatformRole.COORDINATOR, List.of("kanto"), AccountStatus.ACTIVE);
        languages.choose(coordinator.id(), "en");
        Account disabled = staff("co-disabled", PlatformRole.COORDINATOR, List.of("kanto"), AccountStatus.DISABLED);
        String key = UUID.randomUUID().toString();

        send(UUID.randomUUID().toString(), key,
                request(UUID.randomUUID().toString(), null, null, disabled.id(), "interest-accepted", "/matching"));
        send(UUID.randomUUID().toString(), key,
                request(UUID.randomUUID().toString(), null, null, coordinator.id(), "interest-accepted", "/matching"));

        assertThat(mailBox.awaitMessage(coordinator.email(), 1)).contains("Subject: IINJ platform: an interest was accepted");
        assertThat(mailBox.messagesTo(disabled.email())).isEmpty();
    }

    @Test
    void coordinationsRequestsAreMailedTooWithTheirOwnWording() {
        Account coordinator = staff("co-case", PlatformRole.COORDINATOR, List.of("kanto"), AccountStatus.ACTIVE);
        Account englishCoordinator = staff("co-case-en", PlatformRole.COORDINATOR, List.of("kanto"),
                AccountStatus.ACTIVE);
        languages.choose(englishCoordinator.id(), "en");
        Account kanto = staff("rb-case", PlatformRole.REGIONAL_BODY, List.of("kanto"), AccountStatus.ACTIVE);
        String assigned = UUID.randomUUID().toString();
        String assignedToEnglish = UUID.randomUUID().toString();
        String escalated = UUID.randomUUID().toString();

        sendFromCoordination(UUID.randomUUID().toString(), assigned,
                request(assigned, null, null, coordinator.id(), "case-assigned", "/coordination/cases/c-1"));
        sendFromCoordination(UUID.randomUUID().toString(), assignedToEnglish,
                request(assignedToEnglish, null, null, englishCoordinator.id(), "case-assigned",
                        "/coordination/cases/c-2"));
        sendFromCoordination(UUID.randomUUID().toString(), escalated,
                request(escalated, null, "kanto", null, "case-escalated", "/coordination/bureau/escalated"));

        assertThat(mailBox.awaitMessage(coordinator.email(), 1)).isEqualTo("To: " + coordinator.email() + "\n"
                + "Subject: IINJ: 新しい案件が割り当てられました\n\n"
                + NotificationTexts.of("case-assigned").bodyJa() + "\n\n  " + portal() + "/coordination/cases/c-1\n");
        assertThat(mailBox.awaitMessage(englishCoordinator.email(), 1))
                .contains("Subject: IINJ platform: a case was assigned to you")
                .endsWith("  " + portal() + "/coordination/cases/c-2\n");
        assertThat(mailBox.awaitMessage(kanto.email(), 1)).contains("Subject: IINJ: 案件がエスカレーションされました")
                .endsWith("  " + portal() + "/coordination/bureau/escalated\n");
        assertThat(mailBox.messagesTo(coordinator.email())).hasSize(1);
    }

    @Test
    void thePeopleOfAMemberThatIsNoLongerActiveGetNoMail() {
        String memberId = UUID.randomUUID().toString();
        Account person = member(memberId, "suspended");
        accounts.memberNoLongerActive(memberId, Instant.now());
        Account coordinator = staff("co", PlatformRole.COORDINATOR, List.of("kanto"), AccountStatus.ACTIVE);
        String key = UUID.randomUUID().toString();

        send(UUID.randomUUID().toString(), key,
                request(UUID.randomUUID().toString(), memberId, null, null, "interest-expired", "/matching"));
        send(UUID.randomUUID().toString(), key,
                request(UUID.randomUUID().toString(), null, null, coordinator.id(), "interest-expired", "/matching"));

        mailBox.awaitMessage(coordinator.email(), 1);
        assertThat(mailBox.messagesTo(person.email())).isEmpty();
    }

    @Test
    void anImplausibleRequestIsDeadLetteredAndMailsNobody() {
        String memberId = UUID.randomUUID().toString();
        Account person = member(memberId, "ja");
        String key = UUID.randomUUID().toString();
        List<String> implausible = List.of(
                request(UUID.randomUUID().toString(), memberId, "kanto", null, "match-proposed", "/matching"),
                request(UUID.randomUUID().toString(), null, null, null, "match-proposed", "/matching"),
                request(UUID.randomUUID().toString(), memberId, null, null, "match-proposed", "//evil.example/phish"),
                request(UUID.randomUUID().toString(), memberId, null, null, "match-proposed", "/\\\\evil.example"),
                request(UUID.randomUUID().toString(), memberId, null, null, "match-proposed",
                        "/matching\\n\\nYour partner is ACME Corp."),
                // refused by the schema before any call
                request(UUID.randomUUID().toString(), memberId, null, null, "match-proposed", "https://evil.example"));
        List<String> eventIds = implausible.stream().map(json -> {
            String eventId = UUID.randomUUID().toString();
            send(eventId, key, json);
            return eventId;
        }).toList();
        send(UUID.randomUUID().toString(), key,
                request(UUID.randomUUID().toString(), memberId, null, null, "interest-declined", "/matching"));

        var dead = deadLetters.awaitRecords(record -> eventIds.contains(TopicProbe.header(record, "ce_id")),
                eventIds.size(), WAIT);
        assertThat(dead).hasSize(eventIds.size());
        assertThat(mailBox.awaitMessage(person.email(), 1)).contains("お断り");
        assertThat(mailBox.messagesTo(person.email())).hasSize(1);
    }

    private Account member(String memberId, String prefix) {
        return testAccounts.active(TestAccounts.uniqueEmail(prefix), Set.of(PlatformRole.MEMBER), List.of(memberId),
                List.of());
    }

    private Account staff(String prefix, PlatformRole role, List<String> bureaus, AccountStatus status) {
        return store.insert(TestAccounts.uniqueEmail(prefix), "Staff " + prefix, Set.of(role), List.of(), bureaus,
                status);
    }

    private String portal() {
        String url = properties.publicUrl().toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** All messages to this address once one of them, written to its end, contains {@code text}. */
    private List<String> awaitMessageWith(String email, String text) {
        return await("a mail to " + email + " with " + text).atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> mailBox.messagesTo(email), messages -> messages.stream()
                        .anyMatch(mail -> mail.contains(text) && mail.endsWith("\n")));
    }

    /** {@code link} goes into the JSON as it is: escape it there. */
    private static String request(String notificationId, String memberId, String bureau, String subject, String kind,
                                  String link) {
        return "{\"notificationId\":\"" + notificationId + "\","
                + "\"recipientMemberId\":" + quoted(memberId) + ",\"recipientBureau\":" + quoted(bureau) + ","
                + "\"recipientSubject\":" + quoted(subject) + ",\"kind\":\"" + kind + "\",\"link\":\"" + link + "\","
                + "\"requestedAt\":\"" + Instant.now() + "\"}";
    }

    /** As business matching would send it, keyed by {@code key} (its notification id). */
    private static void send(String eventId, String key, String json) {
        producer.sendEvent(TopicCatalogue.MATCHING_NOTIFICATION_REQUESTED_V1, eventId, key, json);
    }

    /** As coordination would send it, on its own topic. */
    private static void sendFromCoordination(String eventId, String key, String json) {
        producer.sendEvent(TopicCatalogue.COORDINATION_NOTIFICATION_REQUESTED_V1, eventId, key, json);
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
