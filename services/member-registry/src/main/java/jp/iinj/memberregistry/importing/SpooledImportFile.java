package jp.iinj.memberregistry.importing;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.util.unit.DataSize;

import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.httpapi.core.problems.ProblemException;
import jp.iinj.httpapi.core.problems.ProblemType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An uploaded import file on local disk: written from the request body as it arrives, and read back as a stream
 * of rows (RFC 4180, a UTF-8 byte order mark skipped). Memory stays constant whatever the file's size: buffers are
 * released once written, and rows are parsed one at a time.
 */
final class SpooledImportFile {

    /** A record longer than this is not a member: the file is refused rather than held in memory. */
    static final int MAX_RECORD_CHARACTERS = 1 << 20;

    private static final CSVFormat RFC_4180 = CSVFormat.RFC4180.builder().get();
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final Path path;
    private final ImportCharset charset;

    SpooledImportFile(Path path, ImportCharset charset) {
        this.path = path;
        this.charset = charset;
    }

    Path path() {
        return path;
    }

    ImportCharset charset() {
        return charset;
    }

    /**
     * Creates the empty file (and its directory), readable by this user only: member lists hold personal data.
     * Blocking.
     */
    static SpooledImportFile create(Path path, ImportCharset charset) throws IOException {
        Files.createDirectories(path.getParent());
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(
                    Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
        } else {
            Files.createFile(path);
        }
        return new SpooledImportFile(path, charset);
    }

    /**
     * Writes {@code body} to {@code path} as it arrives, failing with 413 as soon as it passes {@code limit}.
     * Each buffer is released once written (or once refused).
     */
    static Mono<Long> spool(Flux<DataBuffer> body, Path path, DataSize limit) {
        AtomicLong received = new AtomicLong();
        Flux<DataBuffer> counted = body.handle((buffer, sink) -> {
            if (received.addAndGet(buffer.readableByteCount()) > limit.toBytes()) {
                DataBufferUtils.release(buffer);
                sink.error(tooLarge(limit));
            } else {
                sink.next(buffer);
            }
        });
        return DataBufferUtils.write(counted, path, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)
                .then(Mono.fromSupplier(received::get));
    }

    static ProblemException tooLarge(DataSize limit) {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                "The file exceeds the limit of " + limit.toMegabytes() + " MB; split it into several imports.");
    }

    /**
     * Reads the whole file once before it is accepted (blocking): every byte must be text in the declared charset,
     * and the first row must be a valid header.
     *
     * @throws FieldValidationException for an empty file, a bad header, or bytes that are not the declared charset
     */
    ImportHeader checkedHeader() {
        try (GuardedReader reader = open(); CSVParser parser = parser(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new FieldValidationException("header", "the file is empty: its first row names the columns");
            }
            ImportHeader header = ImportHeader.of(records.next().toList());
            char[] rest = new char[8192];
            while (reader.read(rest) != -1) {
                reader.recordRead(); // decoding the rest is the check; rows are parsed later
            }
            return header;
        } catch (CharacterCodingException notThisCharset) {
            throw notDecodable();
        } catch (UncheckedIOException unreadable) {
            if (unreadable.getCause() instanceof CharacterCodingException) {
                throw notDecodable();
            }
            throw new FieldValidationException("header", "the first row is not valid CSV (RFC 4180)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spooled import " + path, e);
        }
    }

    /**
     * The data rows (the header skipped, rows without any value too), read lazily as they are requested; the file
     * is closed when the flux ends or is cancelled. Fails with {@link UncheckedIOException} where the file stops
     * being valid CSV.
     */
    Flux<ImportRow> rows(ImportHeader header) {
        return Flux.using(() -> {
                    GuardedReader reader = open();
                    return new OpenFile(reader, parser(reader));
                },
                file -> Flux.fromIterable(file.parser())
                        .doOnNext(record -> file.reader().recordRead())
                        .skip(1)
                        .filter(record -> !ImportRow.blank(record.toList()))
                        .map(record -> ImportRow.read(record.getRecordNumber(), record.toList(), header)),
                OpenFile::close);
    }

    private record OpenFile(GuardedReader reader, CSVParser parser) {

        void close() {
            try {
                parser.close();
            } catch (IOException ignored) {
                // read-only: nothing is lost
            }
        }
    }

    private GuardedReader open() throws IOException {
        InputStream bytes = Files.newInputStream(path);
        Reader text = new InputStreamReader(bytes, charset.decoding().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
        PushbackReader bom = new PushbackReader(text, 1);
        int first = bom.read();
        if (first != -1 && first != BYTE_ORDER_MARK) {
            bom.unread(first);
        }
        return new GuardedReader(bom);
    }

    private static CSVParser parser(Reader reader) throws IOException {
        return CSVParser.builder().setReader(reader).setFormat(RFC_4180).get();
    }

    private static FieldValidationException notDecodable() {
        return new FieldValidationException("body", "the file is not text in the declared charset; send "
                + "Content-Type: text/csv; charset=Shift_JIS for Shift_JIS files, UTF-8 is assumed otherwise");
    }

    /** Refuses to read more than {@link #MAX_RECORD_CHARACTERS} characters for one record. */
    private static final class GuardedReader extends FilterReader {

        private long sinceLastRecord;

        GuardedReader(Reader in) {
            super(in);
        }

        void recordRead() {
            sinceLastRecord = 0;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            count(c == -1 ? 0 : 1);
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            count(read);
            return read;
        }

        private void count(int read) throws IOException {
            if (read > 0) {
                sinceLastRecord += read;
                // the parser reads ahead by its buffer, hence the margin
                if (sinceLastRecord > MAX_RECORD_CHARACTERS + 65_536L) {
                    throw new IOException("a record is longer than " + MAX_RECORD_CHARACTERS + " characters");
                }
            }
        }
    }
}
