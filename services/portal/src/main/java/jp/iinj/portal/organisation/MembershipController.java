package jp.iinj.portal.organisation;

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
 * {@code /organisations/{id}/membership}: the membership's status and expiry; renewal (member-registry decides when
 * it is open: from 90 days before expiry through the grace period, and says so with 409 otherwise); withdrawal with
 * a reason, after a confirmation on the same page.
 */
@Controller
class MembershipController {

    static final List<String> WITHDRAWAL_REASONS = List.of("BUSINESS_CLOSED", "MERGED_OR_ACQUIRED", "NO_LONGER_INTERESTED", "OTHER");

    record Withdrawal(String reason, String note, String confirmed) {
    }

    private final GatewayClient gateway;

    MembershipController(GatewayClient gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/organisations/{organisationId}/membership")
    Mono<String> membership(@PathVariable String organisationId, @RequestParam(required = false) String done,
                            @RequestParam(required = false) String refused, Model model) {
        return gateway.asPerson().get().uri("/api/members/organisations/{id}", organisationId)
                .retrieve().bodyToMono(OrganisationView.class)
                .map(organisation -> {
                    model.addAttribute("organisation", organisation);
                    model.addAttribute("reasons", WITHDRAWAL_REASONS);
                    model.addAttribute("done", done != null && done.matches("renewed|withdrawn") ? done : null);
                    model.addAttribute("refused", refused != null && refused.matches("renewalClosed|reason|confirm|state") ? refused : null);
                    return "organisation/membership";
                });
    }

    @PostMapping("/organisations/{organisationId}/membership/renewal")
    Mono<Rendering> renew(@PathVariable String organisationId) {
        return gateway.asPerson().post().uri("/api/members/organisations/{id}/renewal", organisationId)
                .retrieve().toBodilessEntity()
                .thenReturn(back(organisationId, "done=renewed"))
                .onErrorResume(ApiProblem.class, problem -> problem.is(409)
                        ? Mono.just(back(organisationId, "refused=renewalClosed")) : Mono.error(problem));
    }

    @PostMapping(path = "/organisations/{organisationId}/membership/withdrawal", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> withdraw(@PathVariable String organisationId, @ModelAttribute Withdrawal withdrawal) {
        if (withdrawal.reason() == null || !WITHDRAWAL_REASONS.contains(withdrawal.reason())) {
            return Mono.just(back(organisationId, "refused=reason"));
        }
        if (!"true".equals(withdrawal.confirmed())) {
            return Mono.just(back(organisationId, "refused=confirm"));
        }
        String note = withdrawal.note() == null || withdrawal.note().isBlank() ? null : withdrawal.note().strip();
        return gateway.asPerson().post().uri("/api/members/organisations/{id}/withdrawal", organisationId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(note == null ? Map.of("reason", withdrawal.reason()) : Map.of("reason", withdrawal.reason(), "note", note))
                .retrieve().toBodilessEntity()
                .thenReturn(back(organisationId, "done=withdrawn"))
                .onErrorResume(ApiProblem.class, problem -> problem.is(409) ? Mono.just(back(organisationId, "refused=state")) : Mono.error(problem));
    }

    private static Rendering back(String organisationId, String query) {
        return Rendering.redirectTo("/organisations/" + organisationId + "/membership?" + query).status(HttpStatus.SEE_OTHER).build();
    }
}
