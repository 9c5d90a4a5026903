package jp.iinj.portal.coordination;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.http.HttpHeaders;
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
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.result.view.Rendering;

import jp.iinj.portal.coordination.CoordinationCases.Case;
import jp.iinj.portal.coordination.CoordinationCases.CaseList;
import jp.iinj.portal.coordination.CoordinationCases.MyWorkload;
import jp.iinj.portal.coordination.CoordinationRoster.Coordinator;
import jp.iinj.portal.coordination.CoordinationRoster.CoordinatorList;
import jp.iinj.portal.gateway.ApiProblem;
import jp.iinj.portal.gateway.GatewayClient;
import jp.iinj.portal.signin.Person;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code /coordination/cases}: a coordinator's open cases, most urgent first (the API's order), or a member's own cases; and
 * {@code /coordination/cases/{id}}, one case with what the person may do on it: accept or decline (the assigned coordinator), move
 * it to a later stage, add a note, close it with an outcome, reassign it (its bureaus' regional bodies,
 * administrators). Every action sends the revision the page was read with as If-Match: a case changed meanwhile is
 * shown again as it is now, with the person's input kept, never overwritten.
 */
@Controller
class CasesController {

    private static final String DONE = "accepted|declined|stage|noted|closed|reassigned";

    /** What the forms sent: kept when the case is shown again after a refusal. */
    record ActionForm(String revision, String reason, String note, String stage, String outcome, String text, String to,
                      String coordinatorId) {
    }

    /** How the last action went: nothing (a plain visit), or what was refused and the fields at fault. */
    record Feedback(String refusal, Map<String, String> errors, ActionForm form) {

        static Feedback none() {
            return new Feedback(null, Map.of(), new ActionForm(null, null, null, null, null, null, null, null));
        }
    }

    private final GatewayClient gateway;

    CasesController(GatewayClient gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/coordination/cases")
    Mono<String> myCases(@AuthenticationPrincipal OidcUser user, @RequestParam(required = false) String done, Model model) {
        Person person = Person.of(user);
        model.addAttribute("done", "declined".equals(done) || "read".equals(done) ? done : null);
        model.addAttribute("stages", CoordinationCases.STAGES);
        // what the person was told (also by e-mail); a page without it is still a page
        Mono<CoordinationCases.Inbox> inbox = gateway.asPerson().get().uri("/api/coordination/inbox")
                .retrieve().bodyToMono(CoordinationCases.Inbox.class)
                .onErrorResume(unavailable -> Mono.just(CoordinationCases.Inbox.empty()))
                .defaultIfEmpty(CoordinationCases.Inbox.empty())
                .doOnNext(told -> model.addAttribute("inbox", told));
        if (!person.isCoordinator() && !person.isMember()) {
            // regional bodies and administrators oversee a bureau's cases, not cases of their own
            model.addAttribute("cases", List.of());
            model.addAttribute("overseer", true);
            return inbox.thenReturn("coordination/cases");
        }
        Mono<CaseList> cases = gateway.asPerson().get()
                .uri(uri -> uri.path("/api/coordination/cases").queryParam("view", "mine").build())
                .retrieve().bodyToMono(CaseList.class);
        Mono<MyWorkload> workload = person.isCoordinator()
                ? gateway.asPerson().get().uri("/api/coordination/cases/workload").retrieve().bodyToMono(MyWorkload.class)
                : Mono.empty();
        return inbox.then(cases.zipWith(workload.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())))
                .map(both -> {
                    model.addAttribute("cases", both.getT1().items());
                    model.addAttribute("workload", both.getT2().orElse(null));
                    model.addAttribute("coordinator", person.isCoordinator());
                    model.addAttribute("overseer", false);
                    return "coordination/cases";
                });
    }

    @PostMapping(path = "/coordination/inbox/read", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> markInboxRead() {
        return gateway.asPerson().post().uri("/api/coordination/inbox/read").retrieve().toBodilessEntity()
                .thenReturn(Rendering.redirectTo("/coordination/cases?done=read").status(HttpStatus.SEE_OTHER).build());
    }

    @GetMapping("/coordination/cases/{caseId}")
    Mono<String> oneCase(@PathVariable String caseId, @AuthenticationPrincipal OidcUser user,
                         @RequestParam(required = false) String done, Model model) {
        model.addAttribute("done", done != null && done.matches(DONE) ? done : null);
        return render(caseId, Person.of(user), Feedback.none(), model);
    }

    @PostMapping(path = "/coordination/cases/{caseId}/acceptance", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> accept(@PathVariable String caseId, @ModelAttribute ActionForm form,
                           @AuthenticationPrincipal OidcUser user, Model model) {
        return act(caseId, form, user, model, "accepted", Map.of(), api -> api.post()
                .uri("/api/coordination/cases/{id}/acceptance", caseId));
    }

    @PostMapping(path = "/coordination/cases/{caseId}/decline", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> decline(@PathVariable String caseId, @ModelAttribute ActionForm form,
                            @AuthenticationPrincipal OidcUser user, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.reason() == null || !CoordinationCases.DECLINE_REASONS.contains(form.reason())) {
            errors.put("declineReason", "coordination.error.declineReason");
        }
        return outcome(caseId, form, user, model, "declined", errors, api -> api.post()
                .uri("/api/coordination/cases/{id}/decline", caseId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new CoordinationCases.Decline(form.reason(), blankToNull(form.note()))))
                // declined, the case is no longer the coordinator's to see: back to their list
                .map(done -> done.status() == HttpStatus.SEE_OTHER
                        ? Rendering.redirectTo("/coordination/cases?done=declined").status(HttpStatus.SEE_OTHER).build() : done.rendering());
    }

    @PostMapping(path = "/coordination/cases/{caseId}/stage", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> stage(@PathVariable String caseId, @ModelAttribute ActionForm form,
                          @AuthenticationPrincipal OidcUser user, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.stage() == null || !CoordinationCases.STAGES.contains(form.stage())) {
            errors.put("stage", "coordination.error.stage");
        }
        return act(caseId, form, user, model, "stage", errors, api -> api.post()
                .uri("/api/coordination/cases/{id}/stage", caseId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new CoordinationCases.StageChange(form.stage())));
    }

    @PostMapping(path = "/coordination/cases/{caseId}/notes", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> note(@PathVariable String caseId, @ModelAttribute ActionForm form,
                         @AuthenticationPrincipal OidcUser user, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.text() == null || form.text().isBlank()) {
            errors.put("text", "coordination.error.required");
        }
        return act(caseId, form, user, model, "noted", errors, api -> api.post()
                .uri("/api/coordination/cases/{id}/notes", caseId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new CoordinationCases.NewNote(blankToNull(form.text()))));
    }

    @PostMapping(path = "/coordination/cases/{caseId}/closure", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> close(@PathVariable String caseId, @ModelAttribute ActionForm form,
                          @AuthenticationPrincipal OidcUser user, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.outcome() == null || !CoordinationCases.OUTCOMES.contains(form.outcome())) {
            errors.put("outcome", "coordination.error.outcome");
        }
        if (form.reason() == null || form.reason().isBlank()) {
            errors.put("reason", "coordination.error.required");
        }
        return act(caseId, form, user, model, "closed", errors, api -> api.post()
                .uri("/api/coordination/cases/{id}/closure", caseId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new CoordinationCases.Closure(form.outcome(), blankToNull(form.reason()))));
    }

    @PostMapping(path = "/coordination/cases/{caseId}/reassignment", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> reassign(@PathVariable String caseId, @ModelAttribute ActionForm form,
                             @AuthenticationPrincipal OidcUser user, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        // the picker's one value: the queue, or a roster id
        boolean toQueue = "QUEUE".equals(form.to());
        if (!toQueue && (form.to() == null || !form.to().matches("[0-9a-f-]{36}"))) {
            errors.put("to", "coordination.error.to");
        }
        return act(caseId, form, user, model, "reassigned", errors, api -> api.post()
                .uri("/api/coordination/cases/{id}/reassignment", caseId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new CoordinationCases.Reassignment(toQueue ? "QUEUE" : "COORDINATOR",
                        toQueue ? null : form.to(), blankToNull(form.note()))));
    }

    /** The outcome of an action: a redirect (done) or the case shown again with what was refused. */
    record Outcome(HttpStatus status, Rendering rendering) {
    }

    private Mono<Rendering> act(String caseId, ActionForm form, OidcUser user, Model model, String done,
                                Map<String, String> errors, Function<WebClient, WebClient.RequestHeadersSpec<?>> call) {
        return outcome(caseId, form, user, model, done, errors, call).map(Outcome::rendering);
    }

    private Mono<Outcome> outcome(String caseId, ActionForm form, OidcUser user, Model model, String done,
                                  Map<String, String> errors, Function<WebClient, WebClient.RequestHeadersSpec<?>> call) {
        Person person = Person.of(user);
        if (!errors.isEmpty()) {
            return shownAgain(caseId, person, new Feedback("coordination.refused.fields", errors, form), model);
        }
        WebClient.RequestHeadersSpec<?> request = call.apply(gateway.asPerson());
        if (form.revision() != null && !form.revision().isBlank()) {
            request = request.header(HttpHeaders.IF_MATCH, form.revision());
        }
        return request.retrieve().toBodilessEntity()
                .thenReturn(new Outcome(HttpStatus.SEE_OTHER, Rendering.redirectTo("/coordination/cases/" + caseId + "?done=" + done)
                        .status(HttpStatus.SEE_OTHER).build()))
                .onErrorResume(ApiProblem.class, problem -> {
                    if (problem.is(412)) {
                        // someone acted on the case since this page was read: show it as it is now, input kept
                        return shownAgain(caseId, person, new Feedback("coordination.refused.stale", Map.of(), form), model);
                    }
                    if (problem.is(409)) {
                        return shownAgain(caseId, person, new Feedback(refusal(problem), Map.of(), form), model);
                    }
                    if (problem.is(400)) {
                        Map<String, String> refused = new LinkedHashMap<>();
                        problem.errors().forEach(error -> refused.putIfAbsent(
                                fieldOf(error.field(), done), error.message()));
                        return shownAgain(caseId, person, new Feedback("coordination.refused.fields", refused, form), model);
                    }
                    return Mono.error(problem);
                });
    }

    /** The API's field names, as the page's fields are named (the decline's {@code reason} is not the closure's). */
    private static String fieldOf(String apiField, String action) {
        if (apiField == null) {
            return "";
        }
        return switch (action) {
            case "declined" -> "reason".equals(apiField) ? "declineReason" : "declineNote";
            case "reassigned" -> "note".equals(apiField) ? "reassignmentNote" : "to";
            default -> apiField;
        };
    }

    /** Why the API refused (409), by the problem's code: what the person reads above the case. */
    static String refusal(ApiProblem problem) {
        return switch (problem.code()) {
            case "case-not-awaiting-acceptance", "case-not-accepted", "stage-not-forward", "case-closed", "notes-full",
                 "coordinator-not-eligible", "already-assigned" -> "coordination.refused." + problem.code();
            // the write lost a race with another one: the case changed meanwhile
            default -> "coordination.refused.stale";
        };
    }

    private Mono<Outcome> shownAgain(String caseId, Person person, Feedback feedback, Model model) {
        return render(caseId, person, feedback, model)
                .map(view -> new Outcome(HttpStatus.OK, Rendering.view(view).status(HttpStatus.OK).build()));
    }

    private Mono<String> render(String caseId, Person person, Feedback feedback, Model model) {
        return gateway.asPerson().get().uri("/api/coordination/cases/{id}", caseId)
                .retrieve().bodyToMono(Case.class)
                .flatMap(found -> reassignable(found, person).map(coordinators -> {
                    boolean overseer = person.isRegionalBody() || person.isAdministrator();
                    // who reads the case may act on it as far as the API lets them: a coordinator sees only their own
                    boolean assigned = person.isCoordinator() && !overseer;
                    model.addAttribute("coordinationCase", found);
                    model.addAttribute("mayAnswer", assigned && found.awaitingAcceptance());
                    model.addAttribute("mayMove", assigned && found.accepted() && !found.nextStages().isEmpty());
                    model.addAttribute("mayNote", (assigned || overseer) && !found.closed());
                    model.addAttribute("mayClose", (assigned || overseer) && !found.closed());
                    model.addAttribute("mayReassign", overseer && !found.closed());
                    model.addAttribute("reassignTo", coordinators);
                    model.addAttribute("stages", CoordinationCases.STAGES);
                    model.addAttribute("outcomes", CoordinationCases.OUTCOMES);
                    model.addAttribute("declineReasons", CoordinationCases.DECLINE_REASONS);
                    model.addAttribute("refusal", feedback.refusal());
                    model.addAttribute("errors", feedback.errors());
                    model.addAttribute("form", feedback.form());
                    return "coordination/case";
                }));
    }

    /** The active coordinators a regional body or administrator may hand the case to: those of its bureaus. */
    private Mono<List<Coordinator>> reassignable(Case found, Person person) {
        if (found.closed() || !(person.isRegionalBody() || person.isAdministrator()) || found.bureaus() == null) {
            return Mono.just(List.of());
        }
        List<String> bureaus = found.bureaus().stream()
                .filter(bureau -> person.isAdministrator() || person.bureaus().contains(bureau)).toList();
        return Flux.fromIterable(bureaus)
                .concatMap(bureau -> gateway.asPerson().get()
                        .uri(uri -> uri.path("/api/coordination/coordinators").queryParam("bureau", bureau).build())
                        .retrieve().bodyToMono(CoordinatorList.class)
                        .flatMapIterable(CoordinatorList::items))
                .collectList()
                .map(all -> {
                    Map<String, Coordinator> once = new LinkedHashMap<>();
                    all.forEach(coordinator -> once.putIfAbsent(coordinator.id(), coordinator));
                    return new ArrayList<>(once.values());
                });
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
