package jp.iinj.memberregistry.importing;

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
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

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
 * of rows ({@link CsvRecords}: strict RFC 4180, a UTF-8 byte order mark skipped). Memory stays constant whatever the file's size: buffers are
 * released once written, and rows are parsed one at a time.
 */
final class SpooledImportFile {

    /** A record longer than this is not a member: the file is refused rather than held in memory. */
    static final int MAX_RECORD_CHARACTERS = 1 << 20;

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
        try (Reader reader = open()) {
            CsvRecords.CsvRecord first = new CsvRecords(reader, MAX_RECORD_CHARACTERS).next();
            if (first == null) {
                throw new FieldValidationException("header", "the file is empty: its first row names the columns");
            }
            if (first.malformed()) {
                throw new FieldValidationException("header", "the first row " + first.malformation());
            }
            ImportHeader header = ImportHeader.of(first.fields());
            char[] rest = new char[8192];
            while (reader.read(rest) != -1) {
                // decoding the rest is the check; rows are parsed later
            }
            return header;
        } catch (CharacterCodingException notThisCharset) {
            throw notDecodable();
        } catch (UncheckedIOException unreadable) {
            if (unreadable.getCause() instanceof CharacterCodingException) {
                throw notDecodable();
            }
            throw new FieldValidationException("header", "the first row cannot be read: "
                    + unreadable.getCause().getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spooled import " + path, e);
        }
    }

    /**
     * The data rows (the header skipped, rows without any value too; a malformed record is a row that cannot be
     * read), parsed lazily as they are requested; the file is closed when the flux ends or is cancelled. Fails with
     * {@link UncheckedIOException} where the file cannot be read further (a record over the limit).
     */
    Flux<ImportRow> rows(ImportHeader header) {
        return Flux.using(this::open,
                reader -> {
                    CsvRecords records = new CsvRecords(reader, MAX_RECORD_CHARACTERS);
                    return Flux.<CsvRecords.CsvRecord>generate(sink -> {
                                CsvRecords.CsvRecord record = records.next();
                                if (record == null) {
                                    sink.complete();
                                } else {
                                    sink.next(record);
                                }
                            })
                            .skip(1)
                            .filter(record -> record.malformed() || !ImportRow.blank(record.fields()))
                            .map(record -> record.malformed()
                                    ? ImportRow.unreadable(record.number(), record.malformation())
                                    : ImportRow.read(record.number(), record.fields(), header));
                },
                SpooledImportFile::close);
    }

    private static void close(Reader reader) {
        try {
            reader.close();
        } catch (IOException ignored) {
            // read-only: nothing is lost
        }
    }

    private Reader open() throws IOException {
        InputStream bytes = Files.newInputStream(path);
        Reader text = new InputStreamReader(bytes, charset.decoding().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
        PushbackReader bom = new PushbackReader(text, 1);
        int first = bom.read();
        if (first != -1 && first != BYTE_ORDER_MARK) {
            bom.unread(first);
        }
        return bom;
    }

    private static FieldValidationException notDecodable() {
        return new FieldValidationException("body", "the file is not text in the declared charset; send "
                + "Content-Type: text/csv; charset=Shift_JIS for Shift_JIS files, UTF-8 is assumed otherwise");
    }
}
