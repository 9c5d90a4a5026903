package jp.iinj.portal.matching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import jp.iinj.contracts.matching.DevelopmentStage;
import jp.iinj.contracts.matching.IpStatus;
import jp.iinj.contracts.matching.PartnershipType;
import jp.iinj.contracts.matching.ProfileType;
import jp.iinj.contracts.membership.OrganisationType;
import jp.iinj.contracts.membership.TechnologyFieldVocabulary;
import jp.iinj.portal.gateway.ApiProblem;
import jp.iinj.portal.gateway.GatewayClient;
import jp.iinj.portal.matching.MatchingProfiles.Profile;
import jp.iinj.portal.referencedata.JsicDivisions;
import jp.iinj.portal.referencedata.Prefectures;
import jp.iinj.portal.signin.Person;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The draft form of a partnering profile: {@code /matching/profiles/new} for the person's member,
 * {@code /matching/profiles/{id}/edit} for a draft (with {@code If-Match}: a draft someone changed meanwhile is
 * shown again to reload, the input kept), {@code /matching/coordinator/profiles/new} for a coordinator drafting for a
 * member of their bureaus (business matching records that a coordinator drafted it).
 */
@Controller
class ProfileDraftController {

    /** Where a profile may look for partners: the bureaus, the whole country, abroad. */
    static final List<String> TARGET_REGIONS = targetRegions();

    /** A member of the coordinator's bureaus, from member-registry's staff list. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record MemberChoice(String id, String legalName, String englishName, String bureau) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MemberChoices(List<MemberChoice> items) {

        MemberChoices {
            items = items == null ? List.of() : items;
        }
    }

    private final GatewayClient gateway;

    ProfileDraftController(GatewayClient gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/matching/profiles/new")
    Mono<String> newDraft(@AuthenticationPrincipal OidcUser user, Model model) {
        ActingMember.required(user);
        return Mono.just(render(model, ProfileDraftForm.empty(), Map.of(), Mode.NEW, null, List.of()));
    }

    @PostMapping(path = "/matching/profiles/new", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> createDraft(@AuthenticationPrincipal OidcUser user, ServerWebExchange exchange, Model model) {
        String member = ActingMember.required(user);
        return exchange.getFormData().flatMap(posted ->
                create(ProfileDraftForm.from(posted).forMember(member), Mode.NEW, List.of(), model));
    }

    @GetMapping("/matching/coordinator/profiles/new")
    Mono<String> coordinatorDraft(@AuthenticationPrincipal OidcUser user, @RequestParam(required = false) String q,
                                  Model model) {
        Person coordinator = coordinator(user);
        return membersOf(coordinator, q).map(members -> {
            model.addAttribute("q", q);
            return render(model, ProfileDraftForm.empty(), Map.of(), Mode.COORDINATOR, null, members);
        });
    }

    @PostMapping(path = "/matching/coordinator/profiles/new", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> createForMember(@AuthenticationPrincipal OidcUser user, ServerWebExchange exchange, Model model) {
        Person coordinator = coordinator(user);
        return Mono.zip(exchange.getFormData(), membersOf(coordinator, null)).flatMap(both -> {
            ProfileDraftForm form = ProfileDraftForm.from(both.getT1());
            if (form.memberId() == null || form.memberId().isBlank()) {
                Map<String, String> errors = new LinkedHashMap<>(form.ownErrors(true));
                errors.put("memberId", "matching.form.error.memberId");
                return Mono.just(invalid(render(model, form, errors, Mode.COORDINATOR, null, both.getT2())));
            }
            return create(form, Mode.COORDINATOR, both.getT2(), model);
        });
    }

    @GetMapping("/matching/profiles/{profileId}/edit")
    Mono<String> edit(@PathVariable String profileId, Model model) {
        return read(profileId).map(found -> {
            Profile profile = found.getBody();
            if (profile == null || !profile.ownSide() || !profile.draft()) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            return render(model, ProfileDraftForm.of(profile, found.getHeaders().getFirst(HttpHeaders.ETAG)), Map.of(),
                    Mode.EDIT, profileId, List.of());
        });
    }

    @PostMapping(path = "/matching/profiles/{profileId}/edit", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> save(@PathVariable String profileId, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(posted -> {
            ProfileDraftForm form = ProfileDraftForm.from(posted);
            Map<String, String> ownErrors = form.ownErrors(false);
            if (!ownErrors.isEmpty()) {
                return Mono.just(invalid(render(model, form, ownErrors, Mode.EDIT, profileId, List.of())));
            }
            return gateway.asPerson().put().uri("/api/matching/profiles/{id}/content", profileId)
                    .header(HttpHeaders.IF_MATCH, form.etag() == null ? "" : form.etag())
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(form.content())
                    .retrieve().toBodilessEntity()
                    .thenReturn(ProfilePageController.backTo(profileId, "done=saved"))
                    .onErrorResume(ApiProblem.class, problem -> {
                        if (problem.is(412) || problem.is(428)) {
                            // changed meanwhile: the person's input stays, with the new ETag only after they reload
                            model.addAttribute("changedMeanwhile", true);
                            return Mono.just(Rendering.view(render(model, form, Map.of(), Mode.EDIT, profileId, List.of()))
                                    .status(HttpStatus.CONFLICT).build());
                        }
                        if (problem.is(409)) {
                            return Mono.just(ProfilePageController.backTo(profileId, "refused=notDraft"));
                        }
                        if (problem.is(400)) {
                            return Mono.just(invalid(render(model, form, MatchingFieldErrors.ofDraft(problem), Mode.EDIT,
                                    profileId, List.of())));
                        }
                        return Mono.error(problem);
                    });
        });
    }

    private Mono<Rendering> create(ProfileDraftForm form, Mode mode, List<MemberChoice> members, Model model) {
        Map<String, String> ownErrors = form.ownErrors(true);
        if (!ownErrors.isEmpty()) {
            return Mono.just(invalid(render(model, form, ownErrors, mode, null, members)));
        }
        return gateway.asPerson().post().uri("/api/matching/profiles")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(form.newDraft())
                .retrieve().bodyToMono(Profile.class)
                .map(created -> ProfilePageController.backTo(created.id(), "done=created"))
                .onErrorResume(ApiProblem.class, problem -> {
                    if (problem.is(400)) {
                        return Mono.just(invalid(render(model, form, MatchingFieldErrors.ofDraft(problem), mode, null, members)));
                    }
                    if (problem.is(403)) {
                        // not acting for it, membership not active, or its organisation type may not publish this type
                        return Mono.just(invalid(render(model, form, Map.of("", "matching.form.error.refused"), mode, null,
                                members)));
                    }
                    return Mono.error(problem);
                });
    }

    private Mono<ResponseEntity<Profile>> read(String profileId) {
        return gateway.asPerson().get().uri("/api/matching/profiles/{id}", profileId).retrieve().toEntity(Profile.class);
    }

    /** The active members of the coordinator's bureaus (the first 100 of each by name; {@code q} narrows). */
    private Mono<List<MemberChoice>> membersOf(Person coordinator, String q) {
        String keyword = q == null || q.isBlank() ? null : q.strip();
        return Flux.fromIterable(coordinator.bureaus())
                .concatMap(bureau -> gateway.asPerson().get()
                        .uri(uri -> {
                            uri.path("/api/members/organisations").queryParam("bureau", "{bureau}")
                                    .queryParam("status", "ACTIVE").queryParam("sort", "legalName").queryParam("limit", 100);
                            if (keyword != null) {
                                uri.queryParam("q", "{q}");
                            }
                            return keyword == null ? uri.build(bureau) : uri.build(bureau, keyword);
                        })
                        .retrieve().bodyToMono(MemberChoices.class)
                        .map(MemberChoices::items))
                .collectList()
                .map(lists -> {
                    List<MemberChoice> all = new ArrayList<>();
                    lists.forEach(all::addAll);
                    return all;
                });
    }

    private static Person coordinator(OidcUser user) {
        if (!ActingMember.coordinator(user)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return Person.of(user);
    }

    private static Rendering invalid(String view) {
        return Rendering.view(view).status(HttpStatus.BAD_REQUEST).build();
    }

    enum Mode {
        NEW, EDIT, COORDINATOR
    }

    private static String render(Model model, ProfileDraftForm form, Map<String, String> errors, Mode mode,
                                 String profileId, List<MemberChoice> members) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("errorList", MatchingFieldErrors.summary(errors));
        model.addAttribute("mode", mode.name());
        model.addAttribute("profileId", profileId);
        model.addAttribute("members", members);
        model.addAttribute("action", switch (mode) {
            case NEW -> "/matching/profiles/new";
            case EDIT -> "/matching/profiles/" + profileId + "/edit";
            case COORDINATOR -> "/matching/coordinator/profiles/new";
        });
        addChoices(model);
        return "matching/draft";
    }

    /** The pickers of the form (and of the search's filters). */
    static void addChoices(Model model) {
        model.addAttribute("profileTypes", ProfileType.values());
        model.addAttribute("technologyFields", TechnologyFieldVocabulary.current().all());
        model.addAttribute("jsicDivisions", JsicDivisions.CODES);
        model.addAttribute("stages", DevelopmentStage.values());
        model.addAttribute("ipStatuses", IpStatus.values());
        model.addAttribute("partnershipTypes", PartnershipType.values());
        model.addAttribute("organisationTypes", OrganisationType.values());
        model.addAttribute("bureaus", Prefectures.bureaus());
        model.addAttribute("targetRegions", TARGET_REGIONS);
    }

    private static List<String> targetRegions() {
        List<String> regions = new ArrayList<>(Prefectures.bureaus());
        regions.add("nationwide");
        regions.add("international");
        return List.copyOf(regions);
    }
}
