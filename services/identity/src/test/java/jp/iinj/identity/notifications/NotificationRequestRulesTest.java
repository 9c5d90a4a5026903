package jp.iinj.identity.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jp.iinj.contracts.notifications.NotificationRequestedV1;
import jp.iinj.eventing.consumer.PoisonEventException;

/** Which requests identity refuses outright (dead letter) and how each kind is worded. */
class NotificationRequestRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"/matching", "/matching/proposals/p-123", "/matching/interests?box=received#top",
            "/matching/%E6%8F%90%E6%A1%88", "/"})
    void aPortalPathIsAccepted(String link) {
        assertThatCode(() -> NotificationMails.refuseImplausible(toMember(link, "match-proposed")))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "matching", "https://evil.example/", "//evil.example/phish", "/\\evil.example",
            "/matching\n\nYour partner is ACME Corp.", "/matching proposals", "/matching/提案", "/matching\t"})
    void anythingButAPortalPathIsPoison(String link) {
        assertThatThrownBy(() -> NotificationMails.refuseImplausible(toMember(link, "match-proposed")))
                .isInstanceOf(PoisonEventException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Match-Proposed", "match_proposed", "-match", "match--proposed"})
    void aKindThatIsNotKebabCaseIsPoison(String kind) {
        assertThatThrownBy(() -> NotificationMails.refuseImplausible(toMember("/matching", kind)))
                .isInstanceOf(PoisonEventException.class);
    }

    @Test
    void exactlyOneRecipient() {
        Instant now = Instant.now();
        assertThatThrownBy(() -> NotificationMails.refuseImplausible(
                new NotificationRequestedV1("n-1", null, null, null, "match-proposed", "/matching", now)))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("0 recipients");
        assertThatThrownBy(() -> NotificationMails.refuseImplausible(
                new NotificationRequestedV1("n-1", "m-1", "kanto", null, "match-proposed", "/matching", now)))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("2 recipients");
        assertThatThrownBy(() -> NotificationMails.refuseImplausible(
                new NotificationRequestedV1(" ", "m-1", null, null, "match-proposed", "/matching", now)))
                .isInstanceOf(PoisonEventException.class);
        assertThatCode(() -> NotificationMails.refuseImplausible(
                new NotificationRequestedV1("n-1", null, null, "sub-1", "match-proposed", "/matching", now)))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"match-proposed", "interest-expressed", "interest-accepted", "interest-declined",
            "interest-expiring", "interest-expired", "match-outcome-recorded",
            "case-assigned", "case-opened", "case-queued", "case-escalated", "case-overdue", "case-reassigned",
            "case-closed"})
    void everyKindBusinessMatchingOrCoordinationSendsHasItsOwnWordingInBothLanguages(String kind) {
        assertThat(NotificationTexts.known(kind)).isTrue();
        NotificationTexts.Text text = NotificationTexts.of(kind);
        assertThat(text.subjectJa()).startsWith("IINJ: ");
        assertThat(text.subjectEn()).startsWith("IINJ platform: ");
        assertThat(text.bodyJa()).isNotBlank().doesNotContain("\n");
        assertThat(text.bodyEn()).isNotBlank().doesNotContain("\n");
    }

    @Test
    void aKindNotKnownYetIsWordedGenerically() {
        assertThat(NotificationTexts.known("a-kind-not-known-yet")).isFalse();
        assertThat(NotificationTexts.of("a-kind-not-known-yet").subjectEn()).isEqualTo("IINJ platform: you have a new notification");
    }

    private static NotificationRequestedV1 toMember(String link, String kind) {
        return new NotificationRequestedV1("n-1", "m-1", null, null, kind, link, Instant.now());
    }
}
