package jp.iinj.portal.organisation;

import jp.iinj.portal.gateway.GatewayClient;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import reactor.core.publisher.Mono;

/**
 * {@code GET /organisations/{id}}: the organisation as its people, its regional body and administrators see it.
 * Whoever may not see it gets the not-found page, as the API answers (403 and 404 look the same).
 */
@Controller
class OrganisationController {

    private final GatewayClient gateway;

    OrganisationController(GatewayClient gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/organisations/{organisationId}")
    Mono<String> organisation(@PathVariable String organisationId, Model model) {
        return gateway.asPerson().get().uri("/api/members/organisations/{id}", organisationId)
                .retrieve()
                .bodyToMono(OrganisationView.class)
                .map(organisation -> {
                    model.addAttribute("organisation", organisation);
                    return "organisation/overview";
                });
    }
}
