package jp.iinj.portal.regional;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** member-registry's {@code GET /api/members/imports/{id}}: how far the import is, and its rows' errors. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImportStatus(String id, String state, String charset, Long rowsRead, Long rowsImported,
                           Long rowsAlreadyRegistered, Long rowsRejected, List<RowError> errors, Boolean errorsTruncated,
                           String failureReason, Instant startedAt, Instant finishedAt) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RowError(Long row, String field, String message) {
    }

    /** What the API leaves out is none (Jackson gives a record's missing numbers null). */
    public ImportStatus {
        rowsRead = rowsRead == null ? 0L : rowsRead;
        rowsImported = rowsImported == null ? 0L : rowsImported;
        rowsAlreadyRegistered = rowsAlreadyRegistered == null ? 0L : rowsAlreadyRegistered;
        rowsRejected = rowsRejected == null ? 0L : rowsRejected;
        errors = errors == null ? List.of() : errors;
        errorsTruncated = Boolean.TRUE.equals(errorsTruncated);
    }

    public boolean running() {
        return "RUNNING".equals(state);
    }
}
