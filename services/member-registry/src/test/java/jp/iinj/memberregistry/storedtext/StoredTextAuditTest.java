package jp.iinj.memberregistry.storedtext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import jp.iinj.memberregistry.storedtext.StoredTextAudit.Finding;

class StoredTextAuditTest {

    @Test
    void reportsEveryStoredStringThePolicyRefusesByItsPathAndNothingElse() {
        Document organisation = new Document("_id", "org-1")
                .append("profile", new Document("legalName", "検証\u202e社会式株")
                        .append("englishName", "Bidi\u202egnp.exe")
                        .append("keywords", List.of("ok", "Io\u200bT"))
                        .append("contacts", List.of(new Document("name", "\ufeff山田").append("phone", "03-1234-5678"))))
                .append("membership", new Document("note", "督促済み\n二回目").append("status", "ACTIVE"))
                .append("revision", 3L)
                .append("outbox", List.of(new Document("payload", "{\"legalName\":\"検証\u202e社会式株\"}")));

        assertThat(StoredTextAudit.findingsIn("organisations", organisation))
                .extracting(Finding::collection, Finding::id, Finding::path, Finding::problem).containsExactly(
                        tuple("organisations", "org-1", "profile.legalName",
                                "must not contain bidirectional formatting characters (U+202E at position 3)"),
                        tuple("organisations", "org-1", "profile.englishName",
                                "must not contain bidirectional formatting characters (U+202E at position 5)"),
                        tuple("organisations", "org-1", "profile.keywords[1]",
                                "must not contain invisible or formatting characters (U+200B at position 3)"),
                        tuple("organisations", "org-1", "profile.contacts[0].name",
                                "must not contain invisible or formatting characters (U+FEFF at position 1)"));
    }

    @Test
    void cleanDocumentsHaveNoFindings() {
        Document cluster = new Document("_id", "c-1").append("name", "首都圏西部ネットワーク").append("englishName", "TAMA")
                .append("active", true);

        assertThat(StoredTextAudit.findingsIn("clusters", cluster)).isEmpty();
    }
}
