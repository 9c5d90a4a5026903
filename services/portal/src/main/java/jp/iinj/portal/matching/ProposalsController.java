package jp.iinj.portal.matching;

import jp.iinj.portal.gateway.GatewayClient;
import jp.iinj.portal.matching.MatchingProposals.ProposalList;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import reactor.core.publisher.Mono;

/**
 * {@code /matching/proposals}: the member's live proposals: its own profile, the counterpart anonymously, the score
 * as a number and a bar, and every reason for it in plain words grouped by kind; the interest form carries the
 * proposal's id (the member's own profile then goes with the interest).
 */
@Controller
class ProposalsController {

    private final GatewayClient gateway;

    ProposalsController(GatewayClient gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/matching/proposals")
    Mono<String> proposals(@AuthenticationPrincipal OidcUser user, Model model) {
        String member = ActingMember.required(user);
        return gateway.asPerson().get().uri("/api/matching/members/{m}/proposals", member)
                .retrieve().bodyToMono(ProposalList.class)
                .map(list -> {
                    model.addAttribute("proposals", list.items());
                    return "matching/proposals";
                });
    }
}
