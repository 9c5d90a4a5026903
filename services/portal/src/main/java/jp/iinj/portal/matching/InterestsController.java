package jp.iinj.portal.matching;

import java.util.List;

import jp.iinj.contracts.matching.DeclineReason;
import jp.iinj.portal.coordination.MatchCases;
import jp.iinj.portal.gateway.ApiProblem;
import jp.iinj.portal.gateway.GatewayClient;
import jp.iinj.portal.matching.MatchingInterests.Decline;
import jp.iinj.portal.matching.MatchingInterests.Interest;
import jp.iinj.portal.matching.MatchingInterests.InterestList;

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
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Mono;

/**
 * Expressions of interest: {@code /matching/interests/received} (the owner accepts, or declines with a reason the
 * other side reads) and {@code /matching/interests/sent}; {@code /matching/interests/{id}} one interest, which once
 * accepted is the agreed match: both sides disclosed, a coordinator follows up. The notifications link a match as
 * {@code /matching/matches/m-<interestId>}: that is the accepted interest's page.
 */
@Controller
class InterestsController {

    private static final String DONE = "expressed|accepted|declined";
    static final List<DeclineReason> REASONS = List.of(DeclineReason.values());

    record DeclineForm(String reason, String note) {
    }

    private final GatewayClient gateway;
    private final MatchCases matchCases;

    InterestsController(GatewayClient gateway, MatchCases matchCases) {
        this.gateway = gateway;
        this.matchCases = matchCases;
    }

    @GetMapping("/matching/interests/received")
    Mono<String> received(@AuthenticationPrincipal OidcUser user, @RequestParam(required = false) String done,
                          @RequestParam(required = false) String refused, Model model) {
        return list(user, "RECEIVED", done, refused, model);
    }

    @GetMapping("/matching/interests/sent")
    Mono<String> sent(@AuthenticationPrincipal OidcUser user, @RequestParam(required = false) String done, Model model) {
        return list(user, "SENT", done, null, model);
    }

    @GetMapping("/matching/interests/{interestId}")
    Mono<String> interest(@PathVariable String interestId, @RequestParam(required = false) String done, Model model) {
        model.addAttribute("done", "accepted".equals(done) ? done : null);
        return gateway.asPerson().get().uri("/api/matching/interests/{id}", interestId)
                .retrieve().bodyToMono(Interest.class)
                .flatMap(interest -> {
                    model.addAttribute("interest", interest);
                    if (!interest.accepted()) {
                        return Mono.just("matching/interest");
                    }
                    // the agreed match: where its coordination case stands
                    return matchCases.ofMatch(interest.matchId()).map(lookup -> {
                        model.addAttribute("coordination", lookup);
                        return "matching/interest";
                    });
                });
    }

    /** The link of a match in the notifications: the match is the accepted interest ({@code m-<interestId>}). */
    @GetMapping("/matching/matches/{matchId}")
    Rendering match(@PathVariable String matchId) {
        if (!matchId.startsWith("m-") || matchId.length() < 3 || !matchId.substring(2).matches("[A-Za-z0-9_~-]{1,140}")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return Rendering.redirectTo("/matching/interests/" + matchId.substring(2)).status(HttpStatus.SEE_OTHER).build();
    }

    @PostMapping("/matching/interests/{interestId}/accept")
    Mono<Rendering> accept(@PathVariable String interestId) {
        return gateway.asPerson().post().uri("/api/matching/interests/{id}/acceptance", interestId)
                .retrieve().toBodilessEntity()
                .thenReturn(Rendering.redirectTo("/matching/interests/" + interestId + "?done=accepted")
                        .status(HttpStatus.SEE_OTHER).build())
                .onErrorResume(ApiProblem.class, problem -> problem.is(409) ? Mono.just(receivedWith(refusal(problem)))
                        : Mono.error(problem));
    }

    @PostMapping(path = "/matching/interests/{interestId}/decline", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> decline(@PathVariable String interestId, @ModelAttribute DeclineForm form) {
        if (form.reason() == null || REASONS.stream().noneMatch(reason -> reason.name().equals(form.reason()))) {
            return Mono.just(receivedWith("refused=reason"));
        }
        String note = form.note() == null || form.note().isBlank() ? null : form.note().strip();
        return gateway.asPerson().post().uri("/api/matching/interests/{id}/decline", interestId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new Decline(form.reason(), note))
                .retrieve().toBodilessEntity()
                .thenReturn(receivedWith("done=declined"))
                .onErrorResume(ApiProblem.class, problem -> {
                    if (problem.is(409)) {
                        return Mono.just(receivedWith(refusal(problem)));
                    }
                    if (problem.is(400)) {
                        return Mono.just(receivedWith("refused=note"));
                    }
                    return Mono.error(problem);
                });
    }

    /** Why the API refused an answer (409), by the problem's code. */
    static String refusal(ApiProblem problem) {
        return "refused=" + switch (problem.code()) {
            case "member-not-active" -> "inactive";
            case "profile-not-published" -> "withdrawn";
            default -> "answered";
        };
    }

    private Mono<String> list(OidcUser user, String direction, String done, String refused, Model model) {
        String member = ActingMember.required(user);
        model.addAttribute("direction", direction);
        model.addAttribute("done", done != null && done.matches(DONE) ? done : null);
        model.addAttribute("refused", refused != null && refused.matches("answered|inactive|withdrawn|reason|note") ? refused : null);
        model.addAttribute("reasons", REASONS);
        return gateway.asPerson().get()
                .uri(uri -> uri.path("/api/matching/members/{m}/interests").queryParam("direction", direction).build(member))
                .retrieve().bodyToMono(InterestList.class)
                .map(list -> {
                    model.addAttribute("interests", list.items());
                    return "matching/interests";
                });
    }

    private static Rendering receivedWith(String query) {
        return Rendering.redirectTo("/matching/interests/received?" + query).status(HttpStatus.SEE_OTHER).build();
    }
}
