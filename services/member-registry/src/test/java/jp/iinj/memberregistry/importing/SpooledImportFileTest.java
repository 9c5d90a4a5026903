package jp.iinj.memberregistry.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.util.unit.DataSize;

import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.httpapi.core.problems.ProblemException;
import jp.iinj.httpapi.core.problems.ProblemType;
import reactor.core.publisher.Flux;

/** The file as RFC 4180 text: quoting, record numbers, malformed records, byte order mark, charsets, limits. */
class SpooledImportFileTest {

    private static final String HEADER = "corporate_number,legal_name,organisation_type,prefecture_code,keywords\r\n";

    @TempDir
    Path directory;

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaksAndRowsAreNumberedByRecord() throws IOException {
        SpooledImportFile file = file(HEADER
                + "7000012050002,\"株式会社 A, 東京\",SME,13,\"精密;\"\"金型\"\"\"\r\n"
                + "\r\n"
                + ",,,,\r\n"
                + "7000012050002,\"B\r\n二行目\",SME,13,\r\n"
                + "7000012050002,C,SME,13,x\r\n", StandardCharsets.UTF_8, ImportCharset.UTF_8);

        ImportHeader header = file.checkedHeader();
        List<ImportRow> rows = file.rows(header).collectList().block();

        assertThat(rows).extracting(ImportRow::number).containsExactly(2L, 5L, 6L);
        assertThat(rows.get(0).profile().legalName()).isEqualTo("株式会社 A, 東京");
        assertThat(rows.get(0).profile().keywords()).containsExactly("精密", "\"金型\"");
        assertThat(rows.get(1).profile().legalName()).isEqualTo("B 二行目"); // a line break in a cell is a space
        assertThat(rows.get(2).profile().legalName()).isEqualTo("C");
    }

    @Test
    void aUtf8ByteOrderMarkIsSkipped() throws IOException {
        SpooledImportFile file = file("\uFEFF" + HEADER + "7000012050002,A,SME,13,\n", StandardCharsets.UTF_8,
                ImportCharset.UTF_8);

        assertThat(file.rows(file.checkedHeader()).blockFirst().profile().legalName()).isEqualTo("A");
    }

    @Test
    void shiftJisFilesAreReadAsWindows31J() throws IOException {
        Charset windows31j = Charset.forName("Windows-31J");
        SpooledImportFile file = file("法人番号,法人名,組織種別,都道府県コード,キーワード\r\n7000012050002,㈱信濃川①,SME,15,金型\r\n",
                windows31j, ImportCharset.SHIFT_JIS);

        ImportRow row = file.rows(file.checkedHeader()).blockFirst();

        assertThat(row.profile().legalName()).isEqualTo("㈱信濃川①");
        assertThat(row.profile().keywords()).containsExactly("金型");
    }

    @Test
    void bytesThatAreNotTheDeclaredCharsetRefuseTheFile() throws IOException {
        SpooledImportFile shiftJisSentAsUtf8 = file(HEADER + "7000012050002,株式会社,SME,13,\r\n",
                Charset.forName("Windows-31J"), ImportCharset.UTF_8);

        FieldValidationException refused = catchThrowableOfType(FieldValidationException.class,
                shiftJisSentAsUtf8::checkedHeader);

        assertThat(refused.errors()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("body");
            assertThat(problem.message()).contains("charset=Shift_JIS");
        });
    }

    @Test
    void anEmptyFileHasNoHeader() throws IOException {
        FieldValidationException refused = catchThrowableOfType(FieldValidationException.class,
                file("", StandardCharsets.UTF_8, ImportCharset.UTF_8)::checkedHeader);

        assertThat(refused.errors()).extracting(problem -> problem.field()).containsExactly("header");
    }

    @Test
    void aMalformedRecordIsAnUnreadableRowAndTheRowsAfterItAreRead() throws IOException {
        SpooledImportFile file = file(HEADER + "7000012050002,A,SME,13,\r\n7000012050002,\"B\"x,SME,13,\r\n"
                + "7000012050002,ab\"c,SME,13,\r\n7000012050002,C,SME,13,\r\n", StandardCharsets.UTF_8, ImportCharset.UTF_8);

        List<ImportRow> rows = file.rows(file.checkedHeader()).collectList().block();

        assertThat(rows).extracting(ImportRow::number).containsExactly(2L, 3L, 4L, 5L);
        assertThat(rows).extracting(ImportRow::readable).containsExactly(true, false, false, true);
        assertThat(rows.get(1).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isNull();
            assertThat(problem.message()).startsWith("is not valid CSV (RFC 4180) at line 3: characters after the closing quote");
        });
        assertThat(rows.get(2).problems()).extracting(problem -> problem.message())
                .singleElement().asString().contains("at line 4: a double quote inside a field");
        assertThat(rows.get(3).profile().legalName()).isEqualTo("C");
    }

    @Test
    void aMalformedHeaderRefusesTheFile() throws IOException {
        FieldValidationException refused = catchThrowableOfType(FieldValidationException.class,
                file("legal_name,\"organisation_type\"x\r\n", StandardCharsets.UTF_8, ImportCharset.UTF_8)::checkedHeader);

        assertThat(refused.errors()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("header");
            assertThat(problem.message()).startsWith("the first row is not valid CSV (RFC 4180) at line 1");
        });
    }

    @Test
    void anEndlessRecordIsRefusedRatherThanHeldInMemory() throws IOException {
        String endless = "\"" + "x".repeat(SpooledImportFile.MAX_RECORD_CHARACTERS + 100_000);
        SpooledImportFile file = file(HEADER + "7000012050002,A,SME,13,\r\n7000012050002," + endless,
                StandardCharsets.UTF_8, ImportCharset.UTF_8);

        assertThatThrownBy(() -> file.rows(file.checkedHeader()).collectList().block())
                .isInstanceOf(UncheckedIOException.class)
                .hasStackTraceContaining("longer than");
    }

    @Test
    void spoolingWritesTheBodyAndRefusesItPastTheLimit() throws IOException {
        Path accepted = Files.createFile(directory.resolve("accepted.csv"));
        Long written = SpooledImportFile.spool(chunks(3, 1000), accepted, DataSize.ofBytes(3000)).block();

        assertThat(written).isEqualTo(3000);
        assertThat(Files.size(accepted)).isEqualTo(3000);

        Path refused = Files.createFile(directory.resolve("refused.csv"));
        ProblemException tooLarge = catchThrowableOfType(ProblemException.class,
                () -> SpooledImportFile.spool(chunks(4, 1000), refused, DataSize.ofBytes(3000)).block());
        assertThat(tooLarge.type()).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE);
    }

    private SpooledImportFile file(String content, Charset encoding, ImportCharset declared) throws IOException {
        Path path = Files.createTempFile(directory, "import-", ".csv");
        Files.writeString(path, content, encoding);
        return new SpooledImportFile(path, declared);
    }

    private static Flux<DataBuffer> chunks(int count, int size) {
        return Flux.range(0, count).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[size]));
    }
}
