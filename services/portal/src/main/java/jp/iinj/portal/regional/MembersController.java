package jp.iinj.portal.regional;

import java.util.List;
import java.util.Map;

import jp.iinj.contracts.membership.OrganisationType;
import jp.iinj.portal.gateway.ApiProblem;
import jp.iinj.portal.gateway.GatewayClient;
import jp.iinj.portal.organisation.OrganisationView;
import jp.iinj.portal.referencedata.ClusterCatalogue;
import jp.iinj.portal.referencedata.Prefectures;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.util.UriBuilder;

import reactor.core.publisher.Mono;

/**
 * {@code /regional/members}: the members of the person's bureaus with the filters the API allows (prefecture, type,
 * cluster, status, keyword) and its cursor for the next page; {@code /regional/members/{id}}: one member, with
 * suspension and reinstatement, each with a reason.
 */
@Controller
class MembersController {

    static final List<String> STATUSES = List.of("APPLIED", "ACTIVE", "SUSPENDED", "LAPSED", "WITHDRAWN", "REJECTED");
    static final List<String> SUSPENSION_REASONS = List.of("UNPAID_FEES", "BREACH_OF_RULES", "REQUESTED_BY_MEMBER",
            "UNDER_INVESTIGATION", "OTHER");

    /** The filters as the page's form sends them (the API's names). */
    record Filters(String prefecture, String type, String cluster, String status, String q, String cursor) {

        void addTo(UriBuilder uri) {
            add(uri, "prefecture", prefecture);
            add(uri, "type", type);
            add(uri, "cluster", cluster);
            add(uri, "status", status);
            add(uri, "q", q == null ? null : q.strip());
            add(uri, "cursor", cursor);
        }

        private static void add(UriBuilder uri, String name, String value) {
            if (value != null && !value.isBlank()) {
                uri.queryParam(name, "{" + name + "}");
            }
        }

        Map<String, Object> values() {
            Map<String, Object> values = new java.util.HashMap<>();
            for (var entry : Map.of("prefecture", nullToEmpty(prefecture), "type", nullToEmpty(type), "cluster", nullToEmpty(cluster),
                    "status", nullToEmpty(status), "q", q == null ? "" : q.strip(), "cursor", nullToEmpty(cursor)).entrySet()) {
                if (!entry.getValue().isBlank()) {
                    values.put(entry.getKey(), entry.getValue());
                }
            }
            return values;
        }

        private static String nullToEmpty(String value) {
            return value == null ? "" : value;
        }
    }

    record StatusChange(String reason, String note) {
    }

    private final GatewayClient gateway;
    private final ClusterCatalogue clusters;

    MembersController(GatewayClient gateway, ClusterCatalogue clusters) {
        this.gateway = gateway;
        this.clusters = clusters;
    }

    @GetMapping("/regional/members")
    Mono<String> members(@ModelAttribute Filters filters, Model model) {
        model.addAttribute("filters", filters);
        model.addAttribute("prefectures", Prefectures.all());
        model.addAttribute("types", OrganisationType.values());
        model.addAttribute("statuses", STATUSES);
        return clusters.active().flatMap(active -> {
            model.addAttribute("clusters", active);
            return gateway.asPerson().get()
                    .uri(uri -> {
                        uri.path("/api/members/organisations").queryParam("sort", "legalName").queryParam("limit", 20);
                        filters.addTo(uri);
                        return uri.build(filters.values());
                    })
                    .retrieve().bodyToMono(OrganisationSummary.Page.class)
                    .map(page -> {
                        model.addAttribute("members", page.items());
                        model.addAttribute("nextCursor", page.nextCursor());
                        return "regional/members";
                    })
                    .onErrorResume(ApiProblem.class, problem -> {
                        if (problem.is(400)) {
                            model.addAttribute("members", List.of());
                            model.addAttribute("filtersRefused", true);
                            return Mono.just("regional/members");
                        }
                        return Mono.error(problem);
                    });
        });
    }

    @GetMapping("/regional/members/{organisationId}")
    Mono<String> member(@PathVariable String organisationId, @RequestParam(required = false) String done,
                        @RequestParam(required = false) String refused, Model model) {
        return gateway.asPerson().get().uri("/api/members/organisations/{id}", organisationId)
                .retrieve().bodyToMono(OrganisationView.class)
                .map(organisation -> {
                    model.addAttribute("organisation", organisation);
                    model.addAttribute("reasons", SUSPENSION_REASONS);
                    model.addAttribute("done", done != null && done.matches("suspended|reinstated") ? done : null);
                    model.addAttribute("refused", refused != null && refused.matches("state|reason") ? refused : null);
                    return "regional/member";
                });
    }

    @PostMapping(path = "/regional/members/{organisationId}/suspension", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> suspend(@PathVariable String organisationId, @ModelAttribute StatusChange change) {
        if (change.reason() == null || !SUSPENSION_REASONS.contains(change.reason())) {
            return Mono.just(back(organisationId, "refused=reason"));
        }
        String note = change.note() == null || change.note().isBlank() ? null : change.note().strip();
        return gateway.asPerson().post().uri("/api/members/organisations/{id}/suspension", organisationId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(note == null ? Map.of("reason", change.reason()) : Map.of("reason", change.reason(), "note", note))
                .retrieve().toBodilessEntity()
                .thenReturn(back(organisationId, "done=suspended"))
                .onErrorResume(ApiProblem.class, problem -> problem.is(409) ? Mono.just(back(organisationId, "refused=state")) : Mono.error(problem));
    }

    @PostMapping("/regional/members/{organisationId}/reinstatement")
    Mono<Rendering> reinstate(@PathVariable String organisationId) {
        return gateway.asPerson().post().uri("/api/members/organisations/{id}/reinstatement", organisationId)
                .retrieve().toBodilessEntity()
                .thenReturn(back(organisationId, "done=reinstated"))
                .onErrorResume(ApiProblem.class, problem -> problem.is(409) ? Mono.just(back(organisationId, "refused=state")) : Mono.error(problem));
    }

    private static Rendering back(String organisationId, String query) {
        return Rendering.redirectTo("/regional/members/" + organisationId + "?" + query).status(HttpStatus.SEE_OTHER).build();
    }
}
