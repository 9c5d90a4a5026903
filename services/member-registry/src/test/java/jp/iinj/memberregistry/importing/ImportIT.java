package jp.iinj.memberregistry.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.testing.tokens.TestTokens;
import jp.iinj.memberregistry.corporatenumber.TestCorporateNumbers;
import jp.iinj.memberregistry.organisation.MembershipStatus;
import jp.iinj.memberregistry.organisation.Organisation;
import jp.iinj.memberregistry.organisation.OrganisationNames;
import jp.iinj.memberregistry.profile.KnownClusters;
import jp.iinj.testing.contracts.EventSchemaAssertions;
import jp.iinj.testing.kafka.TopicProbe;
import jp.iinj.testing.kafka.TopicProbeExtension;
import jp.iinj.memberregistry.support.MemberRegistryIntegrationTest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bulk import end to end in the service: upload, the status while it runs and when it ends, what is stored and
 * published, idempotency, and every refusal. Files are tens of rows; the size limit is lowered to 64 KB here.
 */
@MemberRegistryIntegrationTest
@TestPropertySource(properties = {
        "iinj.imports.max-size=64KB",
        "iinj.imports.progress-every-rows=1",
        "iinj.imports.progress-interval=100ms"})
class ImportIT {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final Charset WINDOWS_31J = Charset.forName("Windows-31J");
    private static final String RB_KANTO = token("rb-kanto", PlatformRole.REGIONAL_BODY, List.of("kanto"));
    private static final String RB_KINKI = token("rb-kinki", PlatformRole.REGIONAL_BODY, List.of("kinki"));
    private static final String ADMIN = token("admin", PlatformRole.ADMIN, List.of());

    @RegisterExtension
    static final TopicProbeExtension memberEvents = TopicProbeExtension.on(TopicCatalogue.MEMBER_EVENTS_V1.name());
    @RegisterExtension
    static final TopicProbeExtension memberContacts = TopicProbeExtension.on(TopicCatalogue.MEMBER_CONTACTS_V1.name());

    @Autowired
    WebTestClient http;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    StaleImportReaper reaper;

    private static final Path SPOOL = temporaryDirectory();

    @DynamicPropertySource
    static void spool(DynamicPropertyRegistry properties) {
        properties.add("iinj.imports.spool-directory", SPOOL::toString);
    }

    @BeforeEach
    void closeTheGate() {
        HeldClusters.gate = new CompletableFuture<>();
    }

    @AfterEach
    void openTheGate() {
        HeldClusters.gate.complete(null);
    }

    @Test
    void importsTheGoodRowsOfAUtf8FileAsActiveMembersAndReportsTheBadOnes() {
        String suffix = suffix();
        String withOwner = TestCorporateNumbers.random();
        LocalDate expiresOn = today().plusDays(200);
        byte[] file = csv(
                "corporate_number,no_corporate_number_reason,legal_name,organisation_type,prefecture_code,jsic_codes,keywords,owner_name,owner_email,expires_on",
                withOwner + ",,株式会社 関東精機" + suffix + ",SME,13,14:2611,精密;金型,関東 一郎,ichiro@kanto-seiki.example.jp," + expiresOn,
                ",SOLE_PROPRIETOR,横浜工房" + suffix + ",SME,14,,,,,",
                "8123456789012,,株式会社 誤番号,SME,13,,,,,",
                TestCorporateNumbers.random() + ",,大阪商事株式会社,SME,27,,,,,",
                TestCorporateNumbers.random() + ",,,COMPANY,13,,,,,",
                TestCorporateNumbers.random() + ",,株式会社 担当者欠,SME,13,,,担当 者,,",
                TestCorporateNumbers.random() + ",,株式会社 分類,SME,13,2611,,,,").getBytes(StandardCharsets.UTF_8);
        String correlationId = "import-it-" + UUID.randomUUID();

        var accepted = http.post().uri("/api/members/imports").headers(h -> h.setBearerAuth(RB_KANTO))
                .header("X-Correlation-Id", correlationId)
                .contentType(MediaType.parseMediaType("text/csv; charset=UTF-8")).bodyValue(file)
                .exchange()
                .expectStatus().isAccepted()
                .expectHeader().valueMatches("Location", "/api/members/imports/[0-9a-f-]{36}")
                .expectBody(ImportStatusResponse.class).returnResult();
        ImportStatusResponse started = accepted.getResponseBody();
        assertThat(started.state()).isEqualTo(ImportState.RUNNING);
        assertThat(started.charset()).isEqualTo("UTF-8");
        assertThat(started.rowsRead()).isZero();
        assertThat(accepted.getResponseHeaders().getLocation()).hasToString("/api/members/imports/" + started.id());

        ImportStatusResponse done = awaitEnd(started.id(), RB_KANTO);

        assertThat(done.state()).isEqualTo(ImportState.COMPLETED);
        assertCounts(done, 7, 2, 0, 5);
        assertThat(done.errors()).extracting(RowError::row, RowError::field).containsExactly(
                tuple(4L, "corporate_number"),
                tuple(5L, "prefecture_code"),
                tuple(6L, "organisation_type"),
                tuple(6L, "legal_name"),
                tuple(7L, "owner_email"),
                tuple(8L, "jsic_codes[0]"));
        assertThat(done.errors().get(1).message()).contains("kinki", "do not cover");
        assertThat(done.errorsTruncated()).isFalse();
        assertThat(done.failureReason()).isNull();
        assertThat(done.finishedAt()).isNotNull().isAfterOrEqualTo(done.startedAt());

        Organisation owned = organisationWithNumber(withOwner);
        assertThat(owned.status()).isEqualTo(MembershipStatus.ACTIVE);
        assertThat(owned.membership().expiresOn()).isEqualTo(expiresOn);
        assertThat(owned.membership().approvedAt()).isNotNull();
        assertThat(owned.owner().email()).isEqualTo("ichiro@kanto-seiki.example.jp");
        assertThat(owned.profile().keywords()).containsExactly("精密", "金型");
        assertThat(owned.profile().bureau()).isEqualTo("kanto");
        Organisation ownerless = mongo.findOne(Query.query(where("profile.legalName").is("横浜工房" + suffix)),
                Organisation.class).block();
        assertThat(ownerless.status()).isEqualTo(MembershipStatus.ACTIVE);
        assertThat(ownerless.owner()).isNull();
        assertThat(ownerless.membership().expiresOn()).isAfter(today().plusMonths(11));

        var registered = memberEvents.probe().awaitRecord(r -> owned.id().equals(r.key())
                && TopicCatalogue.MEMBER_REGISTERED_V1.type().equals(TopicProbe.header(r, "ce_type")), Duration.ofSeconds(30));
        var approved = memberEvents.probe().awaitRecord(r -> owned.id().equals(r.key())
                && TopicCatalogue.MEMBER_APPROVED_V1.type().equals(TopicProbe.header(r, "ce_type")), Duration.ofSeconds(30));
        var owner = memberContacts.probe().awaitRecord(r -> owned.id().equals(r.key()), Duration.ofSeconds(30));
        EventSchemaAssertions.assertValidAgainstSchema(TopicCatalogue.MEMBER_REGISTERED_V1, registered.value());
        EventSchemaAssertions.assertValidAgainstSchema(TopicCatalogue.MEMBER_APPROVED_V1, approved.value());
        EventSchemaAssertions.assertValidAgainstSchema(TopicCatalogue.OWNER_DESIGNATED_V1, owner.value());
        assertThat(TopicProbe.header(registered, "ce_correlationid")).isEqualTo(correlationId);
        assertThat(TopicProbe.header(approved, "ce_correlationid")).isEqualTo(correlationId);
        assertThat(TopicProbe.valueAsString(approved)).contains("\"expiresOn\":\"" + expiresOn + "\"");
        assertThat(TopicProbe.valueAsString(registered)).doesNotContain("ichiro@");
        memberEvents.probe().awaitRecords(r -> ownerless.id().equals(r.key()), 2, Duration.ofSeconds(30));
        memberContacts.probe().assertNoMoreRecords(r -> ownerless.id().equals(r.key()) || owned.id().equals(r.key()),
                Duration.ofSeconds(1));

        // the same file again: nothing new, the same row errors
        long organisations = organisationCount();
        ImportStatusResponse again = awaitEnd(upload(RB_KANTO, "text/csv", file).expectStatus().isAccepted()
                .expectBody(ImportStatusResponse.class).returnResult().getResponseBody().id(), RB_KANTO);

        assertThat(again.state()).isEqualTo(ImportState.COMPLETED);
        assertCounts(again, 7, 0, 2, 5);
        assertThat(again.errors()).extracting(RowError::row, RowError::field)
                .containsExactlyElementsOf(done.errors().stream().map(e -> tuple(e.row(), e.field())).toList());
        assertThat(organisationCount()).isEqualTo(organisations);
        awaitSpoolEmpty();
        memberEvents.probe().assertNoMoreRecords(r -> owned.id().equals(r.key()) || ownerless.id().equals(r.key()),
                Duration.ofSeconds(1));
    }

    @Test
    void importsAShiftJisFileWithJapaneseHeaders() {
        String suffix = suffix();
        String naniwa = TestCorporateNumbers.random();
        String hokkai = TestCorporateNumbers.random();
        LocalDate expiresOn = today().plusDays(300);
        byte[] file = csv(
                "法人番号,法人名,フリガナ,組織種別,都道府県コード,所在地,有効期限",
                naniwa + ",㈱浪速製作所①" + suffix + ",ナニワセイサクショ,SME,27,大阪府大阪市北区1-1,"
                        + expiresOn.format(DateTimeFormatter.ofPattern("uuuu/M/d")),
                hokkai + ",株式会社 北海" + suffix + ",ホッカイ,LARGE_ENTERPRISE,1,札幌市,",
                TestCorporateNumbers.random() + ",株式会社 不正,かたかなではない,SME,13,,").getBytes(WINDOWS_31J);

        ImportStatusResponse done = awaitEnd(upload(ADMIN, "text/csv; charset=Shift_JIS", file)
                .expectStatus().isAccepted()
                .expectBody(ImportStatusResponse.class).returnResult().getResponseBody().id(), ADMIN);

        assertThat(done.state()).isEqualTo(ImportState.COMPLETED);
        assertThat(done.charset()).isEqualTo("Shift_JIS");
        assertCounts(done, 3, 2, 0, 1);
        assertThat(done.errors()).extracting(RowError::row, RowError::field).containsExactly(tuple(4L, "legal_name_kana"));
        Organisation osaka = organisationWithNumber(naniwa);
        assertThat(osaka.profile().legalName()).isEqualTo("㈱浪速製作所①" + suffix);
        assertThat(osaka.profile().address()).isEqualTo("大阪府大阪市北区1-1");
        assertThat(osaka.bureau()).isEqualTo("kinki");
        assertThat(osaka.membership().expiresOn()).isEqualTo(expiresOn);
        Organisation hokkaido = organisationWithNumber(hokkai);
        assertThat(hokkaido.prefectureCode()).isEqualTo("01");
        assertThat(hokkaido.status()).isEqualTo(MembershipStatus.ACTIVE);
    }

    @Test
    void quotedFieldsKeepTheirCommasQuotesAndLineBreaksAndRowsAreCountedAsRecords() {
        String number = TestCorporateNumbers.random();
        String legalName = "株式会社 カンマ, 引用符\"テスト\"" + suffix();
        byte[] file = csv(
                "corporate_number,legal_name,organisation_type,prefecture_code,address",
                number + ",\"" + legalName.replace("\"", "\"\"") + "\",SME,13,\"東京都千代田区\r\n丸の内1-1\"",
                TestCorporateNumbers.random() + ",,SME,13,").getBytes(StandardCharsets.UTF_8);

        ImportStatusResponse done = awaitEnd(startImport(RB_KANTO, file), RB_KANTO);

        assertCounts(done, 2, 1, 0, 1);
        assertThat(done.errors()).extracting(RowError::row, RowError::field).containsExactly(tuple(3L, "legal_name"));
        Organisation stored = organisationWithNumber(number);
        assertThat(stored.profile().legalName()).isEqualTo(legalName);
        assertThat(stored.profile().address()).isEqualTo("東京都千代田区 丸の内1-1");
    }

    @Test
    void theProbesRowWithAQuoteInsideAnUnquotedFieldIsARowErrorNotAnOrganisation() {
        byte[] file = csv("legal_name,organisation_type,prefecture_code,corporate_number",
                "ab\"c,SME,13,2954479732529").getBytes(StandardCharsets.UTF_8);

        ImportStatusResponse done = awaitEnd(startImport(ADMIN, file), ADMIN);

        assertThat(done.state()).isEqualTo(ImportState.COMPLETED);
        assertCounts(done, 1, 0, 0, 1);
        assertThat(done.errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isEqualTo(2);
            assertThat(error.field()).isNull();
            assertThat(error.message()).isEqualTo("is not valid CSV (RFC 4180) at line 2: a double quote inside a "
                    + "field that does not start with one; quote the whole field and double the quote (\"ab\"\"c\")");
        });
        assertThat(mongo.count(Query.query(where("profile.legalName").is("ab\"c")), Organisation.class).block()).isZero();
        assertThat(organisationWithNumber("2954479732529")).isNull();
    }

    @Test
    void everyMalformedRecordIsARowErrorAndTheValidRowsAroundItAreImported() {
        String suffix = suffix();
        String quoted = TestCorporateNumbers.random();
        String plain = TestCorporateNumbers.random();
        String afterQuote = TestCorporateNumbers.random();
        String tooMany = TestCorporateNumbers.random();
        String bareCr = TestCorporateNumbers.random();
        String unclosed = TestCorporateNumbers.random();
        byte[] file = ("corporate_number,legal_name,organisation_type,prefecture_code,address\r\n"
                // valid: a quoted field with a comma, doubled quotes and a line break (record 2, lines 2-3)
                + quoted + ",\"株式会社 引用, \"\"検査\"\"" + suffix + "\",SME,13,\"東京都\r\n千代田区\"\r\n"
                + afterQuote + ",\"株式会社 後置\"x,SME,13,\r\n"           // record 3: characters after the closing quote
                + tooMany + ",株式会社 過多,SME,13,,余分\r\n"                 // record 4: six fields under five columns
                + bareCr + ",株式会社\r復帰,SME,13,\r\n"                      // record 5: a bare CR
                + plain + ",株式会社 通常" + suffix + ",SME,13,\r\n"          // record 6: valid
                + unclosed + ",\"株式会社 未完,SME,13,\r\n").getBytes(StandardCharsets.UTF_8); // record 7: never closed

        ImportStatusResponse done = awaitEnd(startImport(ADMIN, file), ADMIN);

        assertThat(done.state()).isEqualTo(ImportState.COMPLETED);
        assertCounts(done, 6, 2, 0, 4);
        assertThat(done.errors()).extracting(RowError::row, RowError::field).containsExactly(
                tuple(3L, null), tuple(4L, null), tuple(5L, null), tuple(7L, null));
        assertThat(done.errors()).extracting(RowError::message).satisfiesExactly(
                message -> assertThat(message).contains("at line 4: characters after the closing quote"),
                message -> assertThat(message).isEqualTo("has 6 values, the header names 5 columns"),
                message -> assertThat(message).contains("at line 6: a carriage return (CR)"),
                message -> assertThat(message).contains("at line 8: a quoted field is not closed before the end of the file"));
        assertThat(organisationWithNumber(quoted).profile().legalName()).isEqualTo("株式会社 引用, \"検査\"" + suffix);
        assertThat(organisationWithNumber(quoted).profile().address()).isEqualTo("東京都 千代田区");
        assertThat(organisationWithNumber(plain).status()).isEqualTo(MembershipStatus.ACTIVE);
        for (String refused : List.of(afterQuote, tooMany, bareCr, unclosed)) {
            assertThat(organisationWithNumber(refused)).as(refused).isNull();
        }
    }

    @Test
    void aCellWithDeceptiveTextIsARowErrorNamingItsColumn() {
        String number = TestCorporateNumbers.random();
        byte[] file = csv("corporate_number,legal_name,english_name,organisation_type,prefecture_code,keywords",
                number + ",検証\u202e社会式株,Bidi\u202egnp.exe,SME,13,IoT;\u200b精密").getBytes(StandardCharsets.UTF_8);

        ImportStatusResponse done = awaitEnd(startImport(ADMIN, file), ADMIN);

        assertCounts(done, 1, 0, 0, 1);
        assertThat(done.errors()).extracting(RowError::row, RowError::field, RowError::message).containsExactly(
                tuple(2L, "legal_name", "must not contain bidirectional formatting characters (U+202E at position 3)"),
                tuple(2L, "english_name", "must not contain bidirectional formatting characters (U+202E at position 5)"),
                tuple(2L, "keywords", "must not contain invisible or formatting characters (U+200B at position 5)"));
        assertThat(organisationWithNumber(number)).isNull();
    }

    @Test
    void rowsOfTheSameOrganisationInOneFileRegisterItOnce() {
        String number = TestCorporateNumbers.random();
        String association = "重複研究会" + suffix();
        byte[] file = csv(
                "corporate_number,no_corporate_number_reason,legal_name,organisation_type,prefecture_code",
                number + ",,株式会社 重複,SME,13",
                number + ",,株式会社 重複 二,SME,13",
                ",VOLUNTARY_ASSOCIATION,一般社団法人 " + association + ",OTHER,14",
                ",VOLUNTARY_ASSOCIATION," + association + ",OTHER,14").getBytes(StandardCharsets.UTF_8);

        ImportStatusResponse done = awaitEnd(startImport(RB_KANTO, file), RB_KANTO);

        assertCounts(done, 4, 2, 2, 0);
        assertThat(mongo.count(Query.query(where("normalisedName").is(OrganisationNames.normalised(association))),
                Organisation.class).block())
                .isEqualTo(1);
    }

    @Test
    void progressIsVisibleWhileTheImportRuns() {
        StringBuilder file = new StringBuilder("corporate_number,legal_name,organisation_type,prefecture_code,cluster_ids");
        for (int i = 0; i < 5; i++) {
            file.append("\r\n").append(TestCorporateNumbers.random()).append(",株式会社 進捗").append(i).append(",SME,13,");
        }
        // the last row waits for the test: the cluster catalogue does not answer until the gate opens
        file.append("\r\n").append(TestCorporateNumbers.random()).append(",株式会社 待機,SME,13,held-cluster");

        String id = startImport(RB_KANTO, file.toString().getBytes(StandardCharsets.UTF_8));

        ImportStatusResponse running = Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> status(id, RB_KANTO), status -> status.rowsImported() == 5);
        assertThat(running.state()).isEqualTo(ImportState.RUNNING);
        assertThat(running.rowsRead()).isEqualTo(5);
        assertThat(running.finishedAt()).isNull();
        assertThat(running.updatedAt()).isAfterOrEqualTo(running.startedAt());

        HeldClusters.gate.complete(null);

        ImportStatusResponse done = awaitEnd(id, RB_KANTO);
        assertThat(done.state()).isEqualTo(ImportState.COMPLETED);
        assertCounts(done, 6, 6, 0, 0);
    }

    @Test
    void theStatusIsForWhoeverStartedItAndAdministrators() {
        String id = startImport(RB_KANTO, csv("corporate_number,legal_name,organisation_type,prefecture_code",
                TestCorporateNumbers.random() + ",株式会社 閲覧,SME,13").getBytes(StandardCharsets.UTF_8));

        http.get().uri("/api/members/imports/{id}", id).headers(h -> h.setBearerAuth(RB_KANTO)).exchange()
                .expectStatus().isOk();
        http.get().uri("/api/members/imports/{id}", id).headers(h -> h.setBearerAuth(ADMIN)).exchange()
                .expectStatus().isOk();
        // another regional body of the same bureau is someone else too
        http.get().uri("/api/members/imports/{id}", id)
                .headers(h -> h.setBearerAuth(token("rb-kanto-2", PlatformRole.REGIONAL_BODY, List.of("kanto"))))
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/members/imports/{id}", id).headers(h -> h.setBearerAuth(RB_KINKI)).exchange()
                .expectStatus().isNotFound();
        http.get().uri("/api/members/imports/{id}", UUID.randomUUID()).headers(h -> h.setBearerAuth(ADMIN)).exchange()
                .expectStatus().isNotFound();
        http.get().uri("/api/members/imports/{id}", id)
                .headers(h -> h.setBearerAuth(token("member", PlatformRole.MEMBER, List.of()))).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/members/imports/{id}", id).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void onlyRegionalBodiesAndAdministratorsImport() {
        byte[] file = csv("corporate_number,legal_name,organisation_type,prefecture_code",
                TestCorporateNumbers.random() + ",株式会社 権限,SME,13").getBytes(StandardCharsets.UTF_8);
        long before = importCount();

        upload(token("member", PlatformRole.MEMBER, List.of()), "text/csv", file).expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        upload(token("coordinator", PlatformRole.COORDINATOR, List.of("kanto")), "text/csv", file)
                .expectStatus().isForbidden();
        upload(TestTokens.ISSUER.token("rb-client").roles(PlatformRole.REGIONAL_BODY).bureaus(List.of("kanto"))
                .machine().sign(), "text/csv", file).expectStatus().isForbidden();
        upload(null, "text/csv", file).expectStatus().isUnauthorized();
        // refused before the media type is even looked at
        upload(token("member", PlatformRole.MEMBER, List.of()), "application/json", file).expectStatus().isForbidden();

        assertThat(importCount()).isEqualTo(before);
        awaitSpoolEmpty();
    }

    @Test
    void anythingButCsvInTheAcceptedCharsetsIs415() {
        byte[] file = csv("corporate_number,legal_name,organisation_type,prefecture_code").getBytes(StandardCharsets.UTF_8);
        long before = importCount();

        for (String contentType : List.of("text/csv; charset=EUC-JP", "text/csv; charset=ISO-8859-1", "application/json",
                "text/plain")) {
            upload(RB_KANTO, contentType, file).expectStatus().isEqualTo(415)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("https://iinj.jp/problems/unsupported-media-type");
        }
        http.post().uri("/api/members/imports").headers(h -> h.setBearerAuth(RB_KANTO)).bodyValue(file).exchange()
                .expectStatus().isEqualTo(415);

        assertThat(importCount()).isEqualTo(before);
        awaitSpoolEmpty();
    }

    @Test
    void aFileOverTheLimitIs413() {
        long before = importCount();
        byte[] tooLarge = new byte[64 * 1024 + 1];

        upload(RB_KANTO, "text/csv", tooLarge).expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://iinj.jp/problems/payload-too-large");
        // without Content-Length: counted while it is spooled
        Flux<DataBuffer> chunked = Flux.range(0, 20).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[8 * 1024]));
        http.post().uri("/api/members/imports").headers(h -> h.setBearerAuth(RB_KANTO))
                .contentType(MediaType.parseMediaType("text/csv")).body(chunked, DataBuffer.class).exchange()
                .expectStatus().isEqualTo(413);

        assertThat(importCount()).isEqualTo(before);
        awaitSpoolEmpty();
    }

    @Test
    void aFileWithABadHeaderOrInTheWrongCharsetIsRefusedBeforeAnythingIsImported() {
        long before = importCount();

        upload(RB_KANTO, "text/csv", csv("corporate_number,legal_name,organisation_type,prefecture_code,status",
                TestCorporateNumbers.random() + ",株式会社 見出し,SME,13,ACTIVE").getBytes(StandardCharsets.UTF_8))
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("header[4]")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains("unknown column"));
        upload(RB_KANTO, "text/csv", new byte[0]).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("header");
        upload(RB_KANTO, "text/csv; charset=UTF-8", csv("法人番号,法人名,組織種別,都道府県コード",
                TestCorporateNumbers.random() + ",株式会社 文字コード,SME,13").getBytes(WINDOWS_31J))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("body");

        assertThat(importCount()).isEqualTo(before);
        awaitSpoolEmpty();
    }

    @Test
    void anImportWhoseInstanceDiedIsFailedWhenReadOrReaped() {
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(10));
        ImportScope kanto = new ImportScope("rb-kanto", false, Set.of("kanto"));
        MemberImport readLater = mongo.insert(new MemberImport(UUID.randomUUID().toString(), kanto, ImportState.RUNNING,
                "UTF-8", 100, "it", 3, 3, 0, 0, List.of(), false, null, longAgo, longAgo, null)).block();
        MemberImport reapedLater = mongo.insert(new MemberImport(UUID.randomUUID().toString(), kanto, ImportState.RUNNING,
                "UTF-8", 100, "it", 3, 3, 0, 0, List.of(), false, null, longAgo, longAgo, null)).block();

        ImportStatusResponse read = status(readLater.id(), RB_KANTO);
        assertThat(read.state()).isEqualTo(ImportState.FAILED);
        assertThat(read.failureReason()).contains("stopped answering");
        assertThat(read.rowsImported()).isEqualTo(3);
        assertThat(read.finishedAt()).isNotNull();

        assertThat(reaper.reapStale().block()).isPositive();
        assertThat(mongo.findById(reapedLater.id(), MemberImport.class).block().state()).isEqualTo(ImportState.FAILED);
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private String startImport(String token, byte[] file) {
        return upload(token, "text/csv", file).expectStatus().isAccepted()
                .expectBody(ImportStatusResponse.class).returnResult().getResponseBody().id();
    }

    private WebTestClient.ResponseSpec upload(String token, String contentType, byte[] file) {
        return http.post().uri("/api/members/imports")
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                })
                .contentType(MediaType.parseMediaType(contentType))
                .bodyValue(file)
                .exchange();
    }

    private ImportStatusResponse status(String id, String token) {
        return http.get().uri("/api/members/imports/{id}", id).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectBody(ImportStatusResponse.class).returnResult().getResponseBody();
    }

    private ImportStatusResponse awaitEnd(String id, String token) {
        return Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> status(id, token), status -> status.state() != ImportState.RUNNING);
    }

    /** Spooled files are deleted once imported, or once refused. */
    private static void awaitSpoolEmpty() {
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            try (var files = Files.list(SPOOL)) {
                assertThat(files).isEmpty();
            }
        });
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("import-it-spool-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertCounts(ImportStatusResponse status, long read, long imported, long already, long rejected) {
        assertThat(List.of(status.rowsRead(), status.rowsImported(), status.rowsAlreadyRegistered(), status.rowsRejected()))
                .as("rowsRead, rowsImported, rowsAlreadyRegistered, rowsRejected of %s", status)
                .containsExactly(read, imported, already, rejected);
    }

    private Organisation organisationWithNumber(String corporateNumber) {
        return mongo.findOne(Query.query(where("corporateNumber").is(corporateNumber)), Organisation.class).block();
    }

    private long organisationCount() {
        return mongo.count(new Query(), Organisation.class).block();
    }

    private long importCount() {
        return mongo.count(new Query(), MemberImport.class).block();
    }

    private static String csv(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    private static String suffix() {
        return " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static LocalDate today() {
        return LocalDate.now(JAPAN);
    }

    private static String token(String subject, PlatformRole role, List<String> bureaus) {
        return TestTokens.ISSUER.token(subject).roles(role).bureaus(bureaus).sign();
    }

    /**
     * The cluster catalogue as the profile rules see it here: every well-formed id is an active cluster, but ids
     * starting with {@code held} are answered only once the test opens the gate, so an import can be watched while
     * it runs.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class HeldClusters {

        static volatile CompletableFuture<Void> gate = new CompletableFuture<>();

        @Bean
        @Primary
        KnownClusters heldClusters() {
            return clusterIds -> clusterIds.stream().anyMatch(id -> id.startsWith("held"))
                    ? Mono.defer(() -> Mono.fromFuture(gate)).thenReturn(Set.of())
                    : Mono.just(Set.of());
        }
    }
}
