package jp.iinj.memberregistry.importing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of a CSV text, read strictly as RFC 4180 writes them: fields separated by commas, records by CRLF (or a
 * lone LF, which every spreadsheet also reads); a field either without any double quote, or enclosed in double
 * quotes, inside which commas, line breaks and doubled quotes ({@code ""}) are text. Anything else is not guessed at:
 * a quote inside an unquoted field ({@code ab"c}), characters after a closing quote ({@code "ab"c}), a carriage
 * return not followed by a line feed, or a quoted field still open at the end of the file makes that record
 * malformed. A malformed record yields no fields, only what is wrong with it; reading goes on after the end of the
 * line where the fault was found, so one broken record costs one row, not the file.
 *
 * <p>Memory stays bounded: a record longer than the limit (an unclosed quote in a large file, say) stops the
 * reading with an {@link UncheckedIOException}.
 */
final class CsvRecords {

    private static final int END = -1;
    private static final String BARE_CARRIAGE_RETURN =
            "a carriage return (CR) outside quotes that is not followed by a line feed (LF)";

    private final Reader reader;
    private final long maxRecordCharacters;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private long line = 1;
    private long number;
    private long recordCharacters;

    /**
     * A record of the file: its fields, or why it is malformed.
     *
     * @param number       1 for the first record of the file; a quoted line break does not start a new one
     * @param malformation what is wrong, with the line where it was found; {@code null} when well-formed
     */
    record CsvRecord(long number, List<String> fields, String malformation) {

        CsvRecord {
            fields = List.copyOf(fields);
        }

        boolean malformed() {
            return malformation != null;
        }
    }

    CsvRecords(Reader reader, long maxRecordCharacters) {
        this.reader = reader;
        this.maxRecordCharacters = maxRecordCharacters;
    }

    /**
     * The next record, or {@code null} after the last one.
     *
     * @throws UncheckedIOException the text cannot be read, or a record is longer than the limit
     */
    CsvRecord next() {
        try {
            if (peek() == END) {
                return null;
            }
            number++;
            recordCharacters = 0;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            while (true) {
                field.setLength(0);
                int c = read();
                if (c == '"') {
                    long opened = line;
                    while (true) {
                        c = read();
                        if (c == END) {
                            return malformed(opened, "a quoted field is not closed before the end of the file");
                        }
                        if (c == '"') {
                            if (peek() != '"') {
                                break;
                            }
                            read(); // "" is one quote
                        }
                        field.append((char) c);
                    }
                    c = lineBreakOrSelf(read());
                    if (c == '\r') {
                        return malformedToEndOfLine(BARE_CARRIAGE_RETURN);
                    }
                    if (c != ',' && c != '\n' && c != END) {
                        return malformedToEndOfLine("characters after the closing quote of a field; a field is quoted "
                                + "as a whole");
                    }
                } else {
                    while (true) {
                        c = lineBreakOrSelf(c);
                        if (c == ',' || c == '\n' || c == END) {
                            break;
                        }
                        if (c == '"') {
                            return malformedToEndOfLine("a double quote inside a field that does not start with one; "
                                    + "quote the whole field and double the quote (\"ab\"\"c\")");
                        }
                        if (c == '\r') {
                            return malformedToEndOfLine(BARE_CARRIAGE_RETURN);
                        }
                        field.append((char) c);
                        c = read();
                    }
                }
                fields.add(field.toString());
                if (c != ',') {
                    return new CsvRecord(number, fields, null);
                }
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** CRLF as one line break ({@code \n}); any other character as it is. */
    private int lineBreakOrSelf(int c) throws IOException {
        if (c == '\r' && peek() == '\n') {
            read();
            return '\n';
        }
        return c;
    }

    private CsvRecord malformed(long at, String what) {
        return new CsvRecord(number, List.of(), "is not valid CSV (RFC 4180) at line " + at + ": " + what);
    }

    /** The rest of the line (quotes included) belongs to the broken record; the next record starts after it. */
    private CsvRecord malformedToEndOfLine(String what) throws IOException {
        CsvRecord malformed = malformed(line, what);
        int c;
        do {
            c = read();
        } while (c != '\n' && c != END);
        return malformed;
    }

    private int peek() throws IOException {
        return fill() ? buffer[position] : END;
    }

    private int read() throws IOException {
        if (!fill()) {
            return END;
        }
        char c = buffer[position++];
        if (++recordCharacters > maxRecordCharacters) {
            throw new IOException("a record is longer than " + maxRecordCharacters + " characters");
        }
        if (c == '\n') {
            line++;
        }
        return c;
    }

    private boolean fill() throws IOException {
        while (position == limit) {
            int read = reader.read(buffer, 0, buffer.length);
            if (read == -1) {
                return false;
            }
            position = 0;
            limit = read;
        }
        return true;
    }
}
