package jp.iinj.memberregistry.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import jp.iinj.httpapi.core.problems.ProblemException;
import jp.iinj.httpapi.core.problems.ProblemType;

class ImportCharsetTest {

    @ParameterizedTest
    @ValueSource(strings = {"text/csv", "text/csv; charset=UTF-8", "TEXT/CSV;charset=utf-8", "text/csv; charset=\"UTF-8\""})
    void utf8ByDefaultOrByName(String contentType) {
        assertThat(ImportCharset.ofContentType(contentType)).isEqualTo(ImportCharset.UTF_8);
        assertThat(ImportCharset.ofContentType(contentType).decoding()).isEqualTo(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/csv; charset=Shift_JIS", "text/csv; charset=shift_jis", "text/csv; charset=Windows-31J",
            "text/csv; charset=MS932"})
    void shiftJisIsReadAsWindows31J(String contentType) {
        ImportCharset charset = ImportCharset.ofContentType(contentType);

        assertThat(charset.decoding().name()).isEqualTo("windows-31j");
        assertThat(charset.label()).isIn("Shift_JIS", "Windows-31J", "MS932");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"application/json", "text/plain; charset=UTF-8", "text/csv; charset=ISO-8859-1",
            "text/csv; charset=EUC-JP", "text/csv; charset=no-such-charset", "not a media type;;"})
    void anythingElseIsUnsupported(String contentType) {
        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> ImportCharset.ofContentType(contentType));

        assertThat(refused.type()).isEqualTo(ProblemType.UNSUPPORTED_MEDIA_TYPE);
    }
}
