package jp.iinj.portal.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import jp.iinj.portal.gateway.ApiProblem;
import jp.iinj.portal.gateway.GatewayClient;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;

import reactor.core.publisher.Mono;

/**
 * {@code /admin/clusters}: the cluster catalogue (all of it, active or not) and a form that adds a cluster
 * (member-registry's {@code POST /api/members/clusters}).
 */
@Controller
class ClustersController {

    static final List<String> PROGRAMMES = List.of("METI_INDUSTRIAL_CLUSTER", "MEXT_KNOWLEDGE_CLUSTER", "MEXT_CITY_AREA", "REGIONAL");

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ClusterRow(String id, String name, String englishName, String bureau, String programme, Boolean active) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Catalogue(List<ClusterRow> clusters, Boolean truncated) {

        Catalogue {
            clusters = clusters == null ? List.of() : clusters;
        }
    }

    record ClusterForm(String name, String englishName, String bureau, String programme) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record NewCluster(String name, String englishName, String bureau, String programme, boolean active) {
    }

    private final GatewayClient gateway;

    ClustersController(GatewayClient gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/admin/clusters")
    Mono<String> catalogue(@RequestParam(required = false) String added, Model model) {
        return render(new ClusterForm("", "", "", ""), Map.of(), "true".equals(added), model);
    }

    @PostMapping(path = "/admin/clusters", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> add(@ModelAttribute ClusterForm form, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.name() == null || form.name().isBlank()) {
            errors.put("name", "admin.error.required");
        }
        if (form.bureau() == null || !StaffAccountsController.BUREAUS.contains(form.bureau())) {
            errors.put("bureau", "admin.error.bureau");
        }
        if (form.programme() == null || !PROGRAMMES.contains(form.programme())) {
            errors.put("programme", "admin.error.programme");
        }
        if (!errors.isEmpty()) {
            return render(form, errors, false, model).map(view -> Rendering.view(view).build());
        }
        return gateway.asPerson().post().uri("/api/members/clusters")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new NewCluster(form.name().strip(), form.englishName() == null ? null : form.englishName().strip(),
                        form.bureau(), form.programme(), true))
                .retrieve().toBodilessEntity()
                .thenReturn(Rendering.redirectTo("/admin/clusters?added=true").status(HttpStatus.SEE_OTHER).build())
                .onErrorResume(ApiProblem.class, problem -> {
                    Map<String, String> refused = new LinkedHashMap<>();
                    if (problem.is(409)) {
                        refused.put("name", "admin.error.clusterTaken");
                    } else if (problem.is(400)) {
                        problem.errors().forEach(error -> refused.putIfAbsent(error.field() == null ? "" : error.field(), error.message()));
                    } else {
                        return Mono.error(problem);
                    }
                    return render(form, refused, false, model).map(view -> Rendering.view(view).build());
                });
    }

    private Mono<String> render(ClusterForm form, Map<String, String> errors, boolean added, Model model) {
        return gateway.asPerson().get().uri("/api/members/clusters").retrieve().bodyToMono(Catalogue.class)
                .map(catalogue -> {
                    model.addAttribute("clusters", catalogue.clusters());
                    model.addAttribute("form", form);
                    model.addAttribute("errors", errors);
                    model.addAttribute("added", added);
                    model.addAttribute("bureaus", StaffAccountsController.BUREAUS);
                    model.addAttribute("programmes", PROGRAMMES);
                    return "admin/clusters";
                });
    }
}
