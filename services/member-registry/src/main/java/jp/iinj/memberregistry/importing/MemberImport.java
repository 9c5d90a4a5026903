package jp.iinj.memberregistry.importing;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The status of one bulk import, in collection {@value #COLLECTION}. Written by the instance that runs the import
 * only: counters grow by {@code $inc} and errors by {@code $push}, single-document updates guarded by
 * {@code state: RUNNING}, so a status that was declared FAILED is never written again.
 *
 * @param startedBy     who started it, and which bureaus' rows they may import
 * @param charset       the charset the file was declared in
 * @param correlationId of the request that started it; the events of its rows carry it
 * @param errors        the first {@link ImportSettings#maxStoredErrors()} row errors
 * @param failureReason why a FAILED import stopped
 * @param updatedAt     touched at least every heartbeat while RUNNING: older than {@code stale-after} means the
 *                      instance died
 */
@Document(MemberImport.COLLECTION)
@CompoundIndex(name = "stale_imports", def = "{'state': 1, 'updatedAt': 1}")
public record MemberImport(
        @Id String id,
        ImportScope startedBy,
        ImportState state,
        String charset,
        long bytes,
        String correlationId,
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

    public static final String COLLECTION = "imports";

    public MemberImport {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    static MemberImport started(String id, ImportScope startedBy, String charset, long bytes, String correlationId,
                                Instant now) {
        return new MemberImport(id, startedBy, ImportState.RUNNING, charset, bytes, correlationId, 0, 0, 0, 0,
                List.of(), false, null, now, now, null);
    }
}
