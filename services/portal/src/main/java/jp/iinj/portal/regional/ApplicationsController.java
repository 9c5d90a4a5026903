package jp.iinj.portal.regional;

import java.util.List;
import java.util.Map;

import jp.iinj.portal.gateway.ApiProblem;
import jp.iinj.portal.gateway.GatewayClient;

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
 * {@code /regional/applications}: the registrations awaiting approval in the bureaus the person covers (the API
 * decides which), oldest first, each with approve, reject with a reason, and clearing a possible duplicate. After
 * each action the list again, saying what was done ({@code ?done=approved|rejected|cleared}).
 */
@Controller
class ApplicationsController {

    static final List<String> REJECTION_REASONS = List.of("NOT_ELIGIBLE", "INCOMPLETE_APPLICATION", "DUPLICATE", "OTHER");

    record Rejection(String reason, String note) {
    }

    private final GatewayClient gateway;

    ApplicationsController(GatewayClient gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/regional/applications")
    Mono<String> applications(@RequestParam(required = false) String done, @RequestParam(required = false) String refused,
                              Model model) {
        return gateway.asPerson().get()
                .uri(uri -> uri.path("/api/members/organisations").queryParam("status", "APPLIED")
                        .queryParam("sort", "registeredAt").queryParam("limit", 100).build())
                .retrieve().bodyToMono(OrganisationSummary.Page.class)
                .map(page -> {
                    model.addAttribute("applications", page.items());
                    model.addAttribute("more", page.nextCursor() != null);
                    model.addAttribute("done", done != null && done.matches("approved|rejected|cleared") ? done : null);
                    model.addAttribute("refused", refused != null && refused.matches("decided|reason") ? refused : null);
                    model.addAttribute("reasons", REJECTION_REASONS);
                    return "regional/applications";
                });
    }

    @PostMapping("/regional/applications/{organisationId}/approval")
    Mono<Rendering> approve(@PathVariable String organisationId) {
        return act(gateway.asPerson().post().uri("/api/members/organisations/{id}/approval", organisationId), null, "approved");
    }

    @PostMapping(path = "/regional/applications/{organisationId}/rejection", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> reject(@PathVariable String organisationId, @ModelAttribute Rejection rejection) {
        if (rejection.reason() == null || !REJECTION_REASONS.contains(rejection.reason())) {
            return Mono.just(back("refused=reason"));
        }
        String note = rejection.note() == null || rejection.note().isBlank() ? null : rejection.note().strip();
        return act(gateway.asPerson().post().uri("/api/members/organisations/{id}/rejection", organisationId),
                note == null ? Map.of("reason", rejection.reason()) : Map.of("reason", rejection.reason(), "note", note), "rejected");
    }

    @PostMapping("/regional/applications/{organisationId}/duplicate-clearance")
    Mono<Rendering> clearDuplicate(@PathVariable String organisationId) {
        return act(gateway.asPerson().post().uri("/api/members/organisations/{id}/duplicate-review/clearance", organisationId),
                null, "cleared");
    }

    /** 409: someone decided meanwhile (or the state does not allow it); the list says so and shows what is left. */
    private static Mono<Rendering> act(org.springframework.web.reactive.function.client.WebClient.RequestBodySpec request,
                                       Object body, String done) {
        var sending = body == null ? request : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        return sending.retrieve().toBodilessEntity()
                .thenReturn(back("done=" + done))
                .onErrorResume(ApiProblem.class, problem -> problem.is(409) ? Mono.just(back("refused=decided")) : Mono.error(problem));
    }

    private static Rendering back(String query) {
        return Rendering.redirectTo("/regional/applications?" + query).status(HttpStatus.SEE_OTHER).build();
    }
}
