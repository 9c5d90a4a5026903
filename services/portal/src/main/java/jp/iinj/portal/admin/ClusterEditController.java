package jp.iinj.portal.admin;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import jp.iinj.portal.gateway.ApiProblem;
import jp.iinj.portal.gateway.GatewayClient;

import org.springframework.http.HttpHeaders;
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

import reactor.core.publisher.Mono;

/**
 * {@code /admin/clusters/{id}}: an administrator edits a cluster (member-registry's {@code PUT} with If-Match). The
 * form carries the ETag it was read with, so an edit made meanwhile by someone else is a conflict shown with the
 * stored values, never overwritten.
 */
@Controller
class ClusterEditController {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StoredCluster(String id, String name, String englishName, String bureau, String programme, Boolean active) {
    }

    /** The form; {@code revision} is the ETag the page was read with. */
    record ClusterEditForm(String name, String englishName, String bureau, String programme, Boolean active, String revision) {

        static ClusterEditForm of(StoredCluster stored, String revision) {
            return new ClusterEditForm(stored.name(), stored.englishName(), stored.bureau(), stored.programme(),
                    stored.active() == null || stored.active(), revision);
        }
    }

    record ClusterReplacement(String name, String englishName, String programme, String bureau, boolean active) {
    }

    private final GatewayClient gateway;

    ClusterEditController(GatewayClient gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/admin/clusters/{clusterId}")
    Mono<String> edit(@PathVariable String clusterId, @RequestParam(required = false) String saved, Model model) {
        return read(clusterId).map(stored -> render(clusterId, stored, Map.of(), "true".equals(saved), false, model));
    }

    @PostMapping(path = "/admin/clusters/{clusterId}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> save(@PathVariable String clusterId, @ModelAttribute ClusterEditForm form, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.name() == null || form.name().isBlank()) {
            errors.put("name", "admin.error.required");
        }
        if (form.bureau() == null || !StaffAccountsController.BUREAUS.contains(form.bureau())) {
            errors.put("bureau", "admin.error.bureau");
        }
        if (form.programme() == null || !ClustersController.PROGRAMMES.contains(form.programme())) {
            errors.put("programme", "admin.error.programme");
        }
        if (!errors.isEmpty()) {
            return Mono.just(Rendering.view(render(clusterId, form, errors, false, false, model)).build());
        }
        String englishName = form.englishName() == null || form.englishName().isBlank() ? null : form.englishName().strip();
        return gateway.asPerson().put().uri("/api/members/clusters/{id}", clusterId)
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.IF_MATCH, form.revision() == null ? "" : form.revision())
                .bodyValue(new ClusterReplacement(form.name().strip(), englishName, form.programme(), form.bureau(),
                        Boolean.TRUE.equals(form.active())))
                .retrieve().toBodilessEntity()
                .thenReturn(Rendering.redirectTo("/admin/clusters/" + clusterId + "?saved=true").status(HttpStatus.SEE_OTHER).build())
                .onErrorResume(ApiProblem.class, problem -> {
                    if (problem.is(412) || problem.is(428)) {
                        // Someone saved meanwhile: show what is stored now, with its revision, to edit again.
                        return read(clusterId).map(stored -> Rendering.view(
                                render(clusterId, stored, Map.of(), false, true, model)).build());
                    }
                    Map<String, String> refused = new LinkedHashMap<>();
                    if (problem.is(409)) {
                        refused.put("name", "admin.error.clusterTaken");
                    } else if (problem.is(400)) {
                        problem.errors().forEach(error -> refused.putIfAbsent(error.field() == null ? "" : error.field(), error.message()));
                    } else {
                        return Mono.error(problem);
                    }
                    return Mono.just(Rendering.view(render(clusterId, form, refused, false, false, model)).build());
                });
    }

    private Mono<ClusterEditForm> read(String clusterId) {
        return gateway.asPerson().get().uri("/api/members/clusters/{id}", clusterId)
                .retrieve().toEntity(StoredCluster.class)
                .map(entity -> ClusterEditForm.of(entity.getBody(), entity.getHeaders().getETag()));
    }

    private static String render(String clusterId, ClusterEditForm form, Map<String, String> errors, boolean saved,
            boolean conflict, Model model) {
        model.addAttribute("clusterId", clusterId);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("saved", saved);
        model.addAttribute("conflict", conflict);
        model.addAttribute("bureaus", StaffAccountsController.BUREAUS);
        model.addAttribute("programmes", ClustersController.PROGRAMMES);
        return "admin/cluster-edit";
    }
}
