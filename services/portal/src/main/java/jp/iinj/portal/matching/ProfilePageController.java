package jp.iinj.portal.matching;

import java.util.Map;

import jp.iinj.portal.gateway.ApiProblem;
import jp.iinj.portal.gateway.GatewayClient;
import jp.iinj.portal.matching.MatchingInterests.Express;
import jp.iinj.portal.matching.MatchingProfiles.Profile;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * {@code /matching/profiles/{id}}: the profile as the API shows it to this person. Its own side (the member's
 * people, a coordinator for it) sees it whole, who drafted and published it, and acts on it: publish a draft (what is
 * still missing in words), renew, withdraw after confirming, edit a draft. Another member sees it anonymously (type,
 * size band, bureau of the owner; never a name) and may express interest.
 */
@Controller
class ProfilePageController {

    /** The confirmations a redirect may name (anything else is ignored). */
    private static final String DONE = "created|saved|published|renewed|withdrawn";
    private static final String REFUSED = "state|changed|notDraft";

    /** What the interest form posts. */
    record InterestForm(String message, String proposalId) {
    }

    private final GatewayClient gateway;

    ProfilePageController(GatewayClient gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/matching/profiles/{profileId}")
    Mono<String> profile(@PathVariable String profileId, @RequestParam(required = false) String done,
                         @RequestParam(required = false) String refused, @RequestParam(required = false) String proposal,
                         Model model) {
        model.addAttribute("done", done != null && done.matches(DONE) ? done : null);
        model.addAttribute("refused", refused != null && refused.matches(REFUSED) ? refused : null);
        return page(profileId, new InterestForm("", proposal), Map.of(), null, model);
    }

    @PostMapping("/matching/profiles/{profileId}/publish")
    Mono<Rendering> publish(@PathVariable String profileId, @ModelAttribute Action action, Model model) {
        return act(profileId, "publication", action, "done=published").onErrorResume(ApiProblem.class, problem -> {
            if (problem.is(400)) {
                model.addAttribute("missing", MatchingFieldErrors.summary(MatchingFieldErrors.missingToPublish(problem)));
                return page(profileId, new InterestForm("", null), Map.of(), null, model)
                        .map(view -> Rendering.view(view).status(HttpStatus.BAD_REQUEST).build());
            }
            return refusal(profileId, problem);
        });
    }

    @PostMapping("/matching/profiles/{profileId}/renew")
    Mono<Rendering> renew(@PathVariable String profileId, @ModelAttribute Action action) {
        return act(profileId, "renewal", action, "done=renewed").onErrorResume(ApiProblem.class, problem -> refusal(profileId, problem));
    }

    /** Withdrawal is for good: the page asks first. */
    @GetMapping("/matching/profiles/{profileId}/withdraw")
    Mono<String> confirmWithdrawal(@PathVariable String profileId, Model model) {
        return read(profileId).map(found -> {
            model.addAttribute("profile", found.getBody());
            model.addAttribute("etag", found.getHeaders().getFirst(HttpHeaders.ETAG));
            return "matching/withdraw";
        });
    }

    @PostMapping("/matching/profiles/{profileId}/withdraw")
    Mono<Rendering> withdraw(@PathVariable String profileId, @ModelAttribute Action action) {
        return act(profileId, "withdrawal", action, "done=withdrawn").onErrorResume(ApiProblem.class, problem -> refusal(profileId, problem));
    }

    @PostMapping(path = "/matching/profiles/{profileId}/interest", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> expressInterest(@PathVariable String profileId, @AuthenticationPrincipal OidcUser user,
                                    @ModelAttribute InterestForm form, Model model) {
        String member = ActingMember.required(user);
        if (form.message() == null || form.message().isBlank()) {
            return page(profileId, form, Map.of("message", "matching.interest.error.message"), null, model)
                    .map(view -> Rendering.view(view).status(HttpStatus.BAD_REQUEST).build());
        }
        String proposalId = form.proposalId() == null || form.proposalId().isBlank() ? null : form.proposalId();
        return gateway.asPerson().post().uri("/api/matching/interests")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new Express(member, profileId, proposalId, form.message().strip()))
                .retrieve().toBodilessEntity()
                .thenReturn(Rendering.redirectTo("/matching/interests/sent?done=expressed").status(HttpStatus.SEE_OTHER).build())
                .onErrorResume(ApiProblem.class, problem -> {
                    if (problem.is(409)) {
                        return page(profileId, form, Map.of(), "matching.interest.refused." + conflictOf(problem), model)
                                .map(view -> Rendering.view(view).status(HttpStatus.CONFLICT).build());
                    }
                    if (problem.is(400)) {
                        Map<String, String> errors = new java.util.LinkedHashMap<>();
                        problem.errors().forEach(error -> errors.putIfAbsent(MatchingFieldErrors.formField(error.field()),
                                "message".equals(MatchingFieldErrors.formField(error.field())) ? "matching.interest.error.messageInvalid"
                                        : error.message()));
                        return page(profileId, form, errors, null, model)
                                .map(view -> Rendering.view(view).status(HttpStatus.BAD_REQUEST).build());
                    }
                    return Mono.error(problem);
                });
    }

    /** Why the API refused an interest (409), by the problem's code: already open, the cap, or the member's own profile. */
    static String conflictOf(ApiProblem problem) {
        return switch (problem.code()) {
            case "own-profile" -> "own";
            case "interest-already-open" -> "already";
            case "open-interest-cap-reached" -> "cap";
            default -> "other";
        };
    }

    /** The owner's actions carry the ETag the page was rendered from. */
    record Action(String etag) {
    }

    private Mono<Rendering> act(String profileId, String action, Action form, String done) {
        var request = gateway.asPerson().post().uri("/api/matching/profiles/{id}/" + action, profileId);
        if (form != null && form.etag() != null && !form.etag().isBlank()) {
            request = request.header(HttpHeaders.IF_MATCH, form.etag());
        }
        return request.retrieve().toBodilessEntity().thenReturn(backTo(profileId, done));
    }

    private static Mono<Rendering> refusal(String profileId, ApiProblem problem) {
        if (problem.is(409)) {
            return Mono.just(backTo(profileId, "refused=state"));
        }
        if (problem.is(412)) {
            return Mono.just(backTo(profileId, "refused=changed"));
        }
        return Mono.error(problem);
    }

    private Mono<String> page(String profileId, InterestForm interest, Map<String, String> interestErrors,
                              String interestRefused, Model model) {
        return read(profileId).map(found -> {
            model.addAttribute("profile", found.getBody());
            model.addAttribute("etag", found.getHeaders().getFirst(HttpHeaders.ETAG));
            model.addAttribute("interest", interest);
            model.addAttribute("errors", interestErrors);
            model.addAttribute("interestRefused", interestRefused);
            if (!model.containsAttribute("missing")) {
                model.addAttribute("missing", java.util.List.of());
            }
            return "matching/profile";
        });
    }

    private Mono<ResponseEntity<Profile>> read(String profileId) {
        return gateway.asPerson().get().uri("/api/matching/profiles/{id}", profileId).retrieve().toEntity(Profile.class);
    }

    static Rendering backTo(String profileId, String query) {
        return Rendering.redirectTo("/matching/profiles/" + profileId + "?" + query).status(HttpStatus.SEE_OTHER).build();
    }
}
