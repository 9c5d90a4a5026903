package jp.iinj.memberregistry.importing;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

import jp.iinj.httpapi.core.problems.ProblemException;
import jp.iinj.httpapi.core.problems.ProblemType;

/**
 * The charsets an import file may be in ({@code Content-Type: text/csv; charset=…}, UTF-8 when none is named). The
 * Shift_JIS that Japanese offices' spreadsheets write is in fact Microsoft's Windows-31J (with ①, ㈱, ≒ …), so all
 * three names are read as Windows-31J, a superset of Shift_JIS.
 */
enum ImportCharset {

    UTF_8("UTF-8", StandardCharsets.UTF_8),
    SHIFT_JIS("Shift_JIS", Charset.forName("Windows-31J")),
    WINDOWS_31J("Windows-31J", Charset.forName("Windows-31J")),
    MS932("MS932", Charset.forName("Windows-31J"));

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

    private final String label;
    private final Charset decoding;

    ImportCharset(String label, Charset decoding) {
        this.label = label;
        this.decoding = decoding;
    }

    /** The name as the client declared it, in its usual spelling. */
    String label() {
        return label;
    }

    Charset decoding() {
        return decoding;
    }

    /** @throws ProblemException 415 unless {@code contentType} is {@code text/csv} with an accepted charset */
    static ImportCharset ofContentType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw unsupported("Send the file as Content-Type: text/csv (charset UTF-8 or Shift_JIS).");
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException malformed) {
            throw unsupported("Send the file as Content-Type: text/csv (charset UTF-8 or Shift_JIS).");
        }
        if (!TEXT_CSV.equalsTypeAndSubtype(type)) {
            throw unsupported("Send the file as Content-Type: text/csv, not " + type.getType() + "/"
                    + type.getSubtype() + ".");
        }
        String charset = type.getParameter("charset");
        if (charset == null) {
            return UTF_8;
        }
        String name = unquoted(charset);
        return Arrays.stream(values()).filter(accepted -> accepted.label.equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> unsupported("The charset must be one of " + Arrays.stream(values())
                        .map(ImportCharset::label).toList() + "."));
    }

    private static String unquoted(String value) {
        String text = value.strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        return text;
    }

    private static ProblemException unsupported(String detail) {
        return new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, detail);
    }
}
