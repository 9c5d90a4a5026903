package jp.iinj.coordination.roster;

import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;

import jp.iinj.httpapi.core.conditional.RevisionTag;

/** A roster entry as those who may see it see it; {@code revision} is also its ETag. */
public record CoordinatorResponse(
        String id,
        String subject,
        String name,
        List<String> bureaus,
        List<String> prefectures,
        List<String> technologyFields,
        List<String> jsicDivisions,
        List<String> languages,
        int capacity,
        Availability availability,
        boolean active,
        Instant createdAt,
        Instant updatedAt,
        long revision) {

    public static CoordinatorResponse of(Coordinator coordinator) {
        return new CoordinatorResponse(coordinator.id(), coordinator.subject(), coordinator.name(),
                coordinator.bureaus(), coordinator.prefectures(), coordinator.technologyFields(),
                coordinator.jsicDivisions(), coordinator.languages(), coordinator.capacity(),
                coordinator.availability(), coordinator.active(), coordinator.createdAt(), coordinator.updatedAt(),
                coordinator.revision());
    }

    public static ResponseEntity<CoordinatorResponse> okWithETag(Coordinator coordinator) {
        return ResponseEntity.ok().eTag(RevisionTag.of(coordinator.revision())).body(of(coordinator));
    }
}
