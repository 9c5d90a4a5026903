package jp.iinj.memberregistry.clusters;

import java.time.Instant;

/**
 * A cluster as the API shows it.
 *
 * @param revision what {@code If-Match} names to change it, as a quoted ETag: {@code "3"}
 */
public record ClusterResponse(
        String id,
        String name,
        String englishName,
        ClusterProgramme programme,
        String bureau,
        boolean active,
        long revision,
        Instant createdAt,
        Instant updatedAt) {

    static ClusterResponse of(Cluster cluster) {
        return new ClusterResponse(cluster.id(), cluster.name(), cluster.englishName(), cluster.programme(),
                cluster.bureau(), cluster.active(), cluster.revision(), cluster.createdAt(), cluster.updatedAt());
    }
}
