package jp.iinj.portal.referencedata;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import jp.iinj.portal.gateway.GatewayClient;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** The public cluster catalogue ({@code GET /api/members/clusters}): the clusters a form offers to pick from. */
@Component
public class ClusterCatalogue {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Cluster(String id, String name, String englishName, String bureau, Boolean active) {

        public Cluster {
            active = Boolean.TRUE.equals(active);
        }

        public String name(Locale locale) {
            return "en".equals(locale.getLanguage()) && englishName != null && !englishName.isBlank() ? englishName : name;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ClusterList(List<Cluster> clusters) {
    }

    private final GatewayClient gateway;

    ClusterCatalogue(GatewayClient gateway) {
        this.gateway = gateway;
    }

    /** The active clusters, or none when the catalogue cannot be read (the form still works without them). */
    public Mono<List<Cluster>> active() {
        return gateway.anonymous().get().uri("/api/members/clusters").retrieve().bodyToMono(ClusterList.class)
                .map(list -> list.clusters() == null ? List.<Cluster>of()
                        : list.clusters().stream().filter(cluster -> cluster.active()).toList())
                .onErrorReturn(List.of());
    }
}
