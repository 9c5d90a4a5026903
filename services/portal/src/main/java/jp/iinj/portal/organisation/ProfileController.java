package jp.iinj.portal.organisation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.iinj.contracts.membership.CapitalBand;
import jp.iinj.contracts.membership.EmployeeBand;
import jp.iinj.contracts.membership.OrganisationType;
import jp.iinj.contracts.membership.TechnologyFieldVocabulary;
import jp.iinj.portal.gateway.ApiProblem;
import jp.iinj.portal.gateway.GatewayClient;
import jp.iinj.portal.referencedata.ClusterCatalogue;
import jp.iinj.portal.referencedata.JsicDivisions;
import jp.iinj.portal.referencedata.Prefectures;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * {@code /organisations/{id}/profile}: the profile, edited with {@code If-Match} (the ETag the form was rendered
 * from). When someone else changed it meanwhile (412) the person sees what differs between what they typed and what
 * is stored now, keeps their input, and saves it over the new version or discards it: a conflict they resolve, not an
 * error code.
 */
@Controller
class ProfileController {

    private final GatewayClient gateway;
    private final ClusterCatalogue clusters;

    ProfileController(GatewayClient gateway, ClusterCatalogue clusters) {
        this.gateway = gateway;
        this.clusters = clusters;
    }

    @GetMapping("/organisations/{organisationId}/profile")
    Mono<String> form(@PathVariable String organisationId, @RequestParam(required = false) String saved, Model model) {
        return read(organisationId).flatMap(current -> render(organisationId, ProfileForm.of(current.getBody(), etag(current)),
                Map.of(), null, "true".equals(saved), model));
    }

    @PostMapping(path = "/organisations/{organisationId}/profile", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> save(@PathVariable String organisationId, @ModelAttribute ProfileForm form, Model model) {
        return gateway.asPerson().put().uri("/api/members/organisations/{id}/profile", organisationId)
                .header(HttpHeaders.IF_MATCH, form.etag() == null ? "" : form.etag())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(form.profile())
                .retrieve().toBodilessEntity()
                .thenReturn(Rendering.redirectTo("/organisations/" + organisationId + "/profile?saved=true")
                        .status(HttpStatus.SEE_OTHER).build())
                .onErrorResume(ApiProblem.class, problem -> {
                    if (problem.is(412) || problem.is(428)) {
                        // someone else saved first: their version, and the person's input against its ETag
                        return read(organisationId).flatMap(current -> {
                            ProfileForm stored = ProfileForm.of(current.getBody(), etag(current));
                            return render(organisationId, form.withEtag(stored.etag()), Map.of(), stored, false, model);
                        }).map(view -> Rendering.view(view).status(HttpStatus.CONFLICT).build());
                    }
                    if (problem.is(400)) {
                        Map<String, String> errors = new LinkedHashMap<>();
                        problem.errors().forEach(error -> errors.putIfAbsent(
                                error.field() == null ? "" : error.field().replaceAll("[\\[.].*$", ""), error.message()));
                        return render(organisationId, form, errors, null, false, model)
                                .map(view -> Rendering.view(view).status(HttpStatus.BAD_REQUEST).build());
                    }
                    return Mono.error(problem);
                });
    }

    private Mono<ResponseEntity<OrganisationView>> read(String organisationId) {
        return gateway.asPerson().get().uri("/api/members/organisations/{id}", organisationId)
                .retrieve().toEntity(OrganisationView.class);
    }

    private static String etag(ResponseEntity<?> response) {
        return response.getHeaders().getFirst(HttpHeaders.ETAG);
    }

    private Mono<String> render(String organisationId, ProfileForm form, Map<String, String> errors, ProfileForm stored,
                                boolean saved, Model model) {
        return clusters.active().map(active -> {
            model.addAttribute("organisationId", organisationId);
            model.addAttribute("form", form);
            model.addAttribute("errors", errors);
            model.addAttribute("saved", saved);
            model.addAttribute("stored", stored);
            model.addAttribute("differences", stored == null ? List.of() : form.differencesFrom(stored));
            model.addAttribute("organisationTypes", OrganisationType.values());
            model.addAttribute("employeeBands", EmployeeBand.values());
            model.addAttribute("capitalBands", CapitalBand.values());
            model.addAttribute("prefectures", Prefectures.all());
            model.addAttribute("jsicDivisions", JsicDivisions.CODES);
            model.addAttribute("technologyFields", TechnologyFieldVocabulary.current().all());
            model.addAttribute("clusters", active);
            model.addAttribute("typologies", List.of("TYPE_1_NEW_INDUSTRY_START_UP", "TYPE_2_SECOND_TIME_START_UP_OR_HIDDEN_CHAMPION"));
            // the form's contact rows: those there are, and one empty row to add another
            model.addAttribute("contactRows", java.util.stream.IntStream.rangeClosed(0, form.contactName().size()).boxed().toList());
            return "organisation/profile";
        });
    }
}
