package jp.iinj.memberregistry.importing;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The status of an import, as the portal polls it. While RUNNING the counters grow;
 * {@code rowsRead = rowsImported + rowsAlreadyRegistered + rowsRejected} at every moment.
 *
 * @param charset         as declared by the upload (UTF-8 when none was)
 * @param errors          row errors in row order; at most 1000 (then {@code errorsTruncated})
 * @param failureReason   why a FAILED import stopped; {@code null} otherwise
 */
public record ImportStatusResponse(
        String id,
        ImportState state,
        String charset,
        long rowsRead,
        long rowsImported,
        long rowsAlreadyRegistered,
        long rowsRejected,
        List<RowError> errors,
        boolean errorsTruncated,
        String failureReason,
        Instant startedAt,
        Instant updatedAt,
        Instant finishedAt) {

    static ImportStatusResponse of(MemberImport status) {
        // rows are imported several at a time: errors are stored as rows finish, shown in file order
        List<RowError> errors = status.errors().stream().sorted(Comparator.comparingLong(RowError::row)).toList();
        return new ImportStatusResponse(status.id(), status.state(), status.charset(), status.rowsRead(),
                status.rowsImported(), status.rowsAlreadyRegistered(), status.rowsRejected(), errors,
                status.errorsTruncated(), status.failureReason(), status.startedAt(), status.updatedAt(),
                status.finishedAt());
    }
}
