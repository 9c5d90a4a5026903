package jp.iinj.portal.matching;

import java.util.Optional;

import jp.iinj.portal.gateway.GatewayClient;
import jp.iinj.portal.matching.MatchingProfiles.ProfileList;
import jp.iinj.portal.signin.Person;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;

import reactor.core.publisher.Mono;

/**
 * {@code /matching}: where a member's person starts: their organisation's profiles (with who drafted and published
 * each, plainly when a coordinator did), the ways on (new profile, search, proposals, interests), and the inbox with
 * its unread count. A coordinator without a member of their own gets the search and drafting for a member.
 */
@Controller
class MatchingHubController {

    private final GatewayClient gateway;

    MatchingHubController(GatewayClient gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/matching")
    Mono<String> hub(@AuthenticationPrincipal OidcUser user, @RequestParam(required = false) String done, Model model) {
        Person person = Person.of(user);
        Optional<String> member = ActingMember.of(person);
        model.addAttribute("memberId", member.orElse(null));
        model.addAttribute("coordinator", person.isCoordinator());
        model.addAttribute("done", "read".equals(done) ? done : null);
        if (member.isEmpty()) {
            model.addAttribute("profiles", java.util.List.of());
            model.addAttribute("inbox", new MatchingInbox(java.util.List.of(), 0));
            return Mono.just("matching/hub");
        }
        Mono<ProfileList> profiles = gateway.asPerson().get().uri("/api/matching/members/{m}/profiles", member.get())
                .retrieve().bodyToMono(ProfileList.class);
        Mono<MatchingInbox> inbox = gateway.asPerson().get().uri("/api/matching/members/{m}/inbox", member.get())
                .retrieve().bodyToMono(MatchingInbox.class);
        return Mono.zip(profiles, inbox).map(both -> {
            model.addAttribute("profiles", both.getT1().items());
            model.addAttribute("inbox", both.getT2());
            return "matching/hub";
        });
    }

    @PostMapping("/matching/inbox/read")
    Mono<Rendering> markRead(@AuthenticationPrincipal OidcUser user) {
        String member = ActingMember.required(user);
        return gateway.asPerson().post().uri("/api/matching/members/{m}/inbox/read", member)
                .retrieve().toBodilessEntity()
                .thenReturn(Rendering.redirectTo("/matching?done=read").status(HttpStatus.SEE_OTHER).build());
    }
}
