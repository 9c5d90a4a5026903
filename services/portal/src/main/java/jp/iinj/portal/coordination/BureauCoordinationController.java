package jp.iinj.portal.coordination;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jp.iinj.portal.coordination.CoordinationCases.BureauWorkload;
import jp.iinj.portal.coordination.CoordinationCases.CaseList;
import jp.iinj.portal.coordination.CoordinationRoster.CoordinatorList;
import jp.iinj.portal.gateway.GatewayClient;
import jp.iinj.portal.referencedata.Prefectures;
import jp.iinj.portal.signin.Person;
import reactor.core.publisher.Mono;

/**
 * {@code /regional/coordination}: a bureau's coordination as its regional body oversees it: the roster covering the
 * bureau with each coordinator's load against capacity, the unassigned cases (the bureau's queue), the overdue and the
 * escalated ones, each linking to the case page where it is reassigned. A regional body picks among its own bureaus;
 * an administrator among all.
 */
@Controller
class BureauCoordinationController {

    private final GatewayClient gateway;

    BureauCoordinationController(GatewayClient gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/regional/coordination")
    Mono<String> bureau(@AuthenticationPrincipal OidcUser user, @RequestParam(required = false) String bureau, Model model) {
        Person person = Person.of(user);
        List<String> choices = person.isAdministrator() ? Prefectures.bureaus()
                : Prefectures.bureaus().stream().filter(person.bureaus()::contains).toList();
        if (choices.isEmpty()) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        String shown = bureau != null && choices.contains(bureau) ? bureau : choices.get(0);
        Mono<CoordinatorList> roster = gateway.asPerson().get()
                .uri(uri -> uri.path("/api/coordination/coordinators").queryParam("bureau", shown).build())
                .retrieve().bodyToMono(CoordinatorList.class);
        Mono<BureauWorkload> load = gateway.asPerson().get().uri("/api/coordination/cases/workload/{b}", shown)
                .retrieve().bodyToMono(BureauWorkload.class);
        return Mono.zip(roster, load, view(shown, "queue"), view(shown, "overdue"), view(shown, "escalated"))
                .map(all -> {
                    model.addAttribute("bureau", shown);
                    model.addAttribute("bureaus", choices);
                    model.addAttribute("roster", all.getT1().items());
                    model.addAttribute("load", all.getT2());
                    model.addAttribute("queue", all.getT3().items());
                    model.addAttribute("overdue", all.getT4().items());
                    model.addAttribute("escalated", all.getT5().items());
                    return "coordination/bureau";
                });
    }

    private Mono<CaseList> view(String bureau, String view) {
        return gateway.asPerson().get()
                .uri(uri -> uri.path("/api/coordination/cases").queryParam("view", view).queryParam("bureau", bureau).build())
                .retrieve().bodyToMono(CaseList.class);
    }
}
