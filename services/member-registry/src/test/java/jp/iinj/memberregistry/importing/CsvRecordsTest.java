package jp.iinj.memberregistry.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import jp.iinj.memberregistry.importing.CsvRecords.CsvRecord;

/** Strict RFC 4180: what is valid reads as written, what is not is one malformed record, and reading goes on. */
class CsvRecordsTest {

    @Test
    void quotedFieldsHoldCommasLineBreaksAndDoubledQuotes() {
        List<CsvRecord> records = all("a,\"b, c\",\"d\"\"e\"\"\",\"f\r\ng\",\"\"\r\nnext,row\r\n");

        assertThat(records).extracting(CsvRecord::malformation).containsOnlyNulls();
        assertThat(records.get(0).fields()).containsExactly("a", "b, c", "d\"e\"", "f\r\ng", "");
        assertThat(records.get(1).number()).isEqualTo(2); // the quoted line break did not start a record
        assertThat(records.get(1).fields()).containsExactly("next", "row");
    }

    @Test
    void recordsEndWithCrlfOrLfAndTheLastOneMayEndWithoutEither() {
        assertThat(all("a,b\r\nc,d\ne,f")).extracting(CsvRecord::fields)
                .containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e", "f"));
        assertThat(all("a,b\r\n")).hasSize(1);
        assertThat(all("")).isEmpty();
    }

    @Test
    void emptyFieldsAndEmptyLinesAreKept() {
        assertThat(all("a,,\r\n\r\n,\r\n")).extracting(CsvRecord::fields)
                .containsExactly(List.of("a", "", ""), List.of(""), List.of("", ""));
    }

    @Test
    void theProbesRowIsMalformedAndTheNextRowIsReadAsUsual() {
        List<CsvRecord> records = all("legal_name,organisation_type,prefecture_code,corporate_number\r\n"
                + "ab\"c,SME,13,2954479732529\r\n"
                + "abc,SME,13,2954479732529\r\n");

        assertThat(records).hasSize(3);
        assertThat(records.get(1).number()).isEqualTo(2);
        assertThat(records.get(1).fields()).isEmpty();
        assertThat(records.get(1).malformation()).isEqualTo("is not valid CSV (RFC 4180) at line 2: a double quote "
                + "inside a field that does not start with one; quote the whole field and double the quote (\"ab\"\"c\")");
        assertThat(records.get(2).number()).isEqualTo(3);
        assertThat(records.get(2).fields()).containsExactly("abc", "SME", "13", "2954479732529");
    }

    static Stream<Arguments> malformed() {
        String quoteInside = "a double quote inside a field that does not start with one";
        String afterQuote = "characters after the closing quote of a field";
        String bareCr = "a carriage return (CR) outside quotes that is not followed by a line feed (LF)";
        return Stream.of(
                Arguments.of("a quote inside an unquoted field", "ab\"c,x", quoteInside),
                Arguments.of("a quote after a leading space", "a, \"b\"", quoteInside),
                Arguments.of("characters after a closing quote", "\"ab\"c,x", afterQuote),
                Arguments.of("a space after a closing quote", "\"ab\" ,x", afterQuote),
                Arguments.of("a bare CR inside a field", "a\rb,x", bareCr),
                Arguments.of("a bare CR after a closing quote", "\"a\"\r,x", bareCr),
                Arguments.of("a bare CR at the end of the file", "a,b\r", bareCr),
                Arguments.of("an unclosed quote at the end of the file", "a,\"b",
                        "a quoted field is not closed before the end of the file"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void aMalformedRecordSaysWhatAndOnWhichLine(String why, String text, String what) {
        CsvRecord record = new CsvRecords(new StringReader(text), 1000).next();

        assertThat(record.malformed()).isTrue();
        assertThat(record.fields()).isEmpty();
        assertThat(record.malformation()).startsWith("is not valid CSV (RFC 4180) at line 1: " + what);
    }

    @Test
    void afterAMalformedRecordReadingGoesOnAtTheNextLine() {
        List<CsvRecord> records = all("h1,h2\n\"ab\"c,\"x\ny\"\nok,1\na\rb,2\nok,3");

        // the broken record ends with its line: the quote it opened there is not followed to the next one
        assertThat(records).extracting(CsvRecord::number).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(records).extracting(CsvRecord::malformed).containsExactly(false, true, true, false, true, false);
        assertThat(records.get(2).malformation()).contains("at line 3: a double quote inside a field");
        assertThat(records.get(3).fields()).containsExactly("ok", "1");
        assertThat(records.get(4).malformation()).contains("at line 5: a carriage return");
        assertThat(records.get(5).fields()).containsExactly("ok", "3");
    }

    @Test
    void anUnclosedQuoteNamesTheLineWhereItOpened() {
        List<CsvRecord> records = all("h1,h2\r\nok,1\r\nx,\"never closed\r\nok,2\r\nok,3\r\n");

        assertThat(records).hasSize(3);
        assertThat(records.get(2).malformation())
                .isEqualTo("is not valid CSV (RFC 4180) at line 3: a quoted field is not closed before the end of the file");
    }

    @Test
    void aRecordOverTheLimitStopsTheReading() {
        CsvRecords records = new CsvRecords(new StringReader("a,b\r\n\"" + "x".repeat(200)), 100);

        assertThat(records.next().fields()).containsExactly("a", "b");
        assertThatThrownBy(records::next).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("a record is longer than 100 characters");
    }

    private static List<CsvRecord> all(String text) {
        CsvRecords records = new CsvRecords(new StringReader(text), 1_000_000);
        List<CsvRecord> all = new ArrayList<>();
        for (CsvRecord record = records.next(); record != null; record = records.next()) {
            all.add(record);
        }
        return all;
    }
}
