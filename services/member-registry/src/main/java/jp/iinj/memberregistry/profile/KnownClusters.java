package jp.iinj.memberregistry.profile;

import java.util.Collection;
import java.util.Set;

import reactor.core.publisher.Mono;

/** The cluster catalogue, as far as profiles need it: which of these ids may a member be affiliated with? */
public interface KnownClusters {

    /** The ids among {@code clusterIds} that are not in the catalogue or no longer active. */
    Mono<Set<String>> unknownOrInactive(Collection<String> clusterIds);
}
