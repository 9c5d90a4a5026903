package jp.iinj.memberregistry.clusters;

import java.util.List;

/**
 * A listing of the catalogue.
 *
 * @param clusters  by bureau id, then name; at most {@value ClusterCatalogue#LISTING_LIMIT}
 * @param truncated more clusters matched than the listing shows: narrow the filter
 */
public record ClusterListResponse(List<ClusterResponse> clusters, boolean truncated) {

    static ClusterListResponse of(ClusterCatalogue.Listing listing) {
        return new ClusterListResponse(listing.clusters().stream().map(ClusterResponse::of).toList(), listing.truncated());
    }
}
