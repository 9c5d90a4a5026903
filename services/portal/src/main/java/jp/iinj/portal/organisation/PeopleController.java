package jp.iinj.portal.organisation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import jp.iinj.portal.gateway.ApiProblem;
import jp.iinj.portal.gateway.GatewayClient;
import jp.iinj.portal.signin.Person;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
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
 * {@code /organisations/{id}/people}: who acts for the organisation; its people invite staff by e-mail (identity
 * mails the invitation), and the owner removes a staff member after confirming
 * ({@code /people/{subject}/removal}: GET asks, POST does it).
 */
@Controller
class PeopleController {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PersonView(String subject, String displayName, String email, String role, String status, Instant joinedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record People(String organisationId, List<PersonView> people) {

        People {
            people = people == null ? List.of() : people;
        }
    }

    record Invitation(String email) {
    }

    private final GatewayClient gateway;

    PeopleController(GatewayClient gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/organisations/{organisationId}/people")
    Mono<String> people(@PathVariable String organisationId, @RequestParam(required = false) String done,
                        @RequestParam(required = false) String refused, @AuthenticationPrincipal OidcUser user, Model model) {
        Mono<OrganisationView> organisation = gateway.asPerson().get().uri("/api/members/organisations/{id}", organisationId)
                .retrieve().bodyToMono(OrganisationView.class);
        Mono<People> people = gateway.asPerson().get().uri("/api/members/organisations/{id}/people", organisationId)
                .retrieve().bodyToMono(People.class);
        return Mono.zip(organisation, people).map(both -> {
            String me = Person.of(user).subject();
            model.addAttribute("organisation", both.getT1());
            model.addAttribute("people", both.getT2().people().stream().filter(person -> !"LEFT".equals(person.status())).toList());
            model.addAttribute("isOwner", both.getT2().people().stream()
                    .anyMatch(person -> person.subject().equals(me) && "OWNER".equals(person.role())));
            model.addAttribute("me", me);
            model.addAttribute("done", done != null && done.matches("invited|removed") ? done : null);
            model.addAttribute("refused", refused != null && refused.matches("email|inactive|state") ? refused : null);
            return "organisation/people";
        });
    }

    @PostMapping(path = "/organisations/{organisationId}/people/invitations", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> invite(@PathVariable String organisationId, @ModelAttribute Invitation invitation) {
        if (invitation.email() == null || invitation.email().isBlank()) {
            return Mono.just(back(organisationId, "refused=email"));
        }
        return gateway.asPerson().post().uri("/api/identity/invitations")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", invitation.email().strip(), "memberId", organisationId))
                .retrieve().toBodilessEntity()
                .thenReturn(back(organisationId, "done=invited"))
                .onErrorResume(ApiProblem.class, problem -> {
                    if (problem.is(400)) {
                        return Mono.just(back(organisationId, "refused=email"));
                    }
                    if (problem.is(409)) {
                        return Mono.just(back(organisationId, "refused=inactive"));
                    }
                    return Mono.error(problem);
                });
    }

    @GetMapping("/organisations/{organisationId}/people/{subject}/removal")
    Mono<String> confirmRemoval(@PathVariable String organisationId, @PathVariable String subject, Model model) {
        return gateway.asPerson().get().uri("/api/members/organisations/{id}/people", organisationId)
                .retrieve().bodyToMono(People.class)
                .flatMap(people -> Mono.justOrEmpty(people.people().stream().filter(person -> person.subject().equals(subject)).findFirst()))
                .switchIfEmpty(Mono.error(new ApiProblem(404, null, "Not Found", null, List.of())))
                .map(person -> {
                    model.addAttribute("organisationId", organisationId);
                    model.addAttribute("staffMember", person);
                    return "organisation/remove-person";
                });
    }

    @PostMapping("/organisations/{organisationId}/people/{subject}/removal")
    Mono<Rendering> remove(@PathVariable String organisationId, @PathVariable String subject) {
        return gateway.asPerson().delete().uri("/api/members/organisations/{id}/people/{subject}", organisationId, subject)
                .retrieve().toBodilessEntity()
                .thenReturn(back(organisationId, "done=removed"))
                .onErrorResume(ApiProblem.class, problem -> problem.is(409) ? Mono.just(back(organisationId, "refused=state")) : Mono.error(problem));
    }

    private static Rendering back(String organisationId, String query) {
        return Rendering.redirectTo("/organisations/" + organisationId + "/people?" + query).status(HttpStatus.SEE_OTHER).build();
    }
}
