package jp.iinj.portal.coordination;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
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

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import jp.iinj.contracts.membership.TechnologyFieldVocabulary;
import jp.iinj.portal.coordination.CoordinationRoster.Availability;
import jp.iinj.portal.coordination.CoordinationRoster.Coordinator;
import jp.iinj.portal.coordination.CoordinationRoster.CoordinatorList;
import jp.iinj.portal.coordination.CoordinationRoster.Entry;
import jp.iinj.portal.gateway.ApiProblem;
import jp.iinj.portal.gateway.GatewayClient;
import jp.iinj.portal.referencedata.JsicDivisions;
import jp.iinj.portal.referencedata.Prefectures;
import reactor.core.publisher.Mono;

/**
 * {@code /admin/coordinators}: the administrator's roster of coordinators (active and off the roster), a form that
 * puts a coordinator's account on it, and {@code /admin/coordinators/{id}}: its entry edited with If-Match (changed
 * meanwhile: the stored entry shown to edit again), taken off the roster or put back.
 */
@Controller
class RosterController {

    /** A staff account at identity; its id is the subject of its tokens, which the roster names. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record StaffAccount(String id, String email, String displayName, List<String> roles) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StaffList(List<StaffAccount> accounts) {

        StaffList {
            accounts = accounts == null ? List.of() : accounts;
        }
    }

    /**
     * The entry's form; lists come as checkboxes, prefectures and languages as comma-separated codes.
     *
     * @param revision the ETag the edit page was read with
     */
    record RosterForm(String subject, String name, List<String> bureaus, String prefectures, List<String> technologyFields,
                      List<String> jsicDivisions, String languages, String capacity, String availability, String awayFrom,
                      String awayTo, String revision) {

        RosterForm {
            bureaus = bureaus == null ? List.of() : bureaus;
            technologyFields = technologyFields == null ? List.of() : technologyFields;
            jsicDivisions = jsicDivisions == null ? List.of() : jsicDivisions;
        }

        static RosterForm empty() {
            return new RosterForm("", "", List.of(), "", List.of(), List.of(), "ja", "10", "ACTIVE", "", "", null);
        }

        static RosterForm of(Coordinator stored) {
            Availability availability = stored.availability();
            boolean away = stored.away();
            return new RosterForm(stored.subject(), stored.name(), stored.bureaus(), String.join(", ", stored.prefectures()),
                    stored.technologyFields(), stored.jsicDivisions(), String.join(", ", stored.languages()),
                    Integer.toString(stored.capacity()), away ? "AWAY" : "ACTIVE",
                    away && availability.from() != null ? availability.from().toString() : "",
                    away && availability.to() != null ? availability.to().toString() : "", stored.etag());
        }

        /** The entry, or the fields at fault (message keys) in {@code errors}. */
        Entry entry(Map<String, String> errors) {
            if (name == null || name.isBlank()) {
                errors.put("name", "coordination.error.required");
            }
            if (bureaus.isEmpty() || !Prefectures.bureaus().containsAll(bureaus)) {
                errors.put("bureaus", "coordination.error.bureaus");
            }
            int cap = 0;
            try {
                cap = Integer.parseInt(capacity == null ? "" : capacity.strip());
            } catch (NumberFormatException notANumber) {
                errors.put("capacity", "coordination.error.capacity");
            }
            if (!errors.containsKey("capacity") && (cap < 1 || cap > 100)) {
                errors.put("capacity", "coordination.error.capacity");
            }
            List<String> languageCodes = codes(languages);
            if (languageCodes.isEmpty()) {
                errors.put("languages", "coordination.error.languages");
            }
            Availability availabilityEntry = new Availability("ACTIVE", null, null);
            if ("AWAY".equals(availability)) {
                try {
                    LocalDate from = LocalDate.parse(awayFrom == null ? "" : awayFrom.strip());
                    LocalDate to = LocalDate.parse(awayTo == null ? "" : awayTo.strip());
                    if (from.isAfter(to)) {
                        errors.put("awayTo", "coordination.error.awayOrder");
                    }
                    availabilityEntry = new Availability("AWAY", from, to);
                } catch (DateTimeParseException notADate) {
                    errors.put("awayFrom", "coordination.error.awayDates");
                }
            }
            return new Entry(name == null ? null : name.strip(), bureaus, codes(prefectures), technologyFields,
                    jsicDivisions, languageCodes, cap, availabilityEntry);
        }

        private static List<String> codes(String commaSeparated) {
            if (commaSeparated == null) {
                return List.of();
            }
            return Arrays.stream(commaSeparated.split("[,、\\s]+")).map(String::strip).filter(code -> !code.isEmpty())
                    .distinct().toList();
        }
    }

    private final GatewayClient gateway;

    RosterController(GatewayClient gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/admin/coordinators")
    Mono<String> roster(@RequestParam(required = false) String added, Model model) {
        return renderRoster(RosterForm.empty(), Map.of(), "true".equals(added), model);
    }

    @PostMapping(path = "/admin/coordinators", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> add(@ModelAttribute RosterForm form, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.subject() == null || form.subject().isBlank()) {
            errors.put("subject", "coordination.error.subject");
        }
        Entry entry = form.entry(errors);
        if (!errors.isEmpty()) {
            return renderRoster(form, errors, false, model).map(view -> Rendering.view(view).build());
        }
        return gateway.asPerson().post().uri("/api/coordination/coordinators")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new CoordinationRoster.NewCoordinator(form.subject().strip(), entry))
                .retrieve().toBodilessEntity()
                .thenReturn(Rendering.redirectTo("/admin/coordinators?added=true").status(HttpStatus.SEE_OTHER).build())
                .onErrorResume(ApiProblem.class, problem -> {
                    Map<String, String> refused = refusedFields(problem, "coordination.error.alreadyRostered");
                    if (refused == null) {
                        return Mono.error(problem);
                    }
                    return renderRoster(form, refused, false, model).map(view -> Rendering.view(view).build());
                });
    }

    @GetMapping("/admin/coordinators/{coordinatorId}")
    Mono<String> edit(@PathVariable String coordinatorId, @RequestParam(required = false) String done, Model model) {
        return read(coordinatorId).map(stored -> renderEntry(stored, RosterForm.of(stored), Map.of(),
                done != null && done.matches("saved|deactivated|reactivated") ? done : null, false, model));
    }

    @PostMapping(path = "/admin/coordinators/{coordinatorId}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> save(@PathVariable String coordinatorId, @ModelAttribute RosterForm form, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        Entry entry = form.entry(errors);
        if (!errors.isEmpty()) {
            return read(coordinatorId).map(stored -> Rendering.view(renderEntry(stored, form, errors, null, false, model)).build());
        }
        return gateway.asPerson().put().uri("/api/coordination/coordinators/{id}", coordinatorId)
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.IF_MATCH, form.revision() == null ? "" : form.revision())
                .bodyValue(entry)
                .retrieve().toBodilessEntity()
                .thenReturn(Rendering.redirectTo("/admin/coordinators/" + coordinatorId + "?done=saved")
                        .status(HttpStatus.SEE_OTHER).build())
                .onErrorResume(ApiProblem.class, problem -> {
                    if (problem.is(412) || problem.is(428) || problem.is(409) && problem.code().isEmpty()) {
                        // saved by someone else meanwhile: the stored entry, with its revision, to edit again
                        return read(coordinatorId).map(stored -> Rendering.view(
                                renderEntry(stored, RosterForm.of(stored), Map.of(), null, true, model)).build());
                    }
                    Map<String, String> refused = refusedFields(problem, null);
                    if (refused == null) {
                        return Mono.error(problem);
                    }
                    return read(coordinatorId).map(stored -> Rendering.view(renderEntry(stored, form, refused, null, false, model)).build());
                });
    }

    @PostMapping(path = "/admin/coordinators/{coordinatorId}/deactivation", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> deactivate(@PathVariable String coordinatorId, @ModelAttribute RosterForm form, Model model) {
        return switchActive(coordinatorId, form, "deactivation", "deactivated", model);
    }

    @PostMapping(path = "/admin/coordinators/{coordinatorId}/reactivation", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> reactivate(@PathVariable String coordinatorId, @ModelAttribute RosterForm form, Model model) {
        return switchActive(coordinatorId, form, "reactivation", "reactivated", model);
    }

    private Mono<Rendering> switchActive(String coordinatorId, RosterForm form, String action, String done, Model model) {
        var request = gateway.asPerson().post().uri("/api/coordination/coordinators/{id}/" + action, coordinatorId);
        if (form.revision() != null && !form.revision().isBlank()) {
            request = request.header(HttpHeaders.IF_MATCH, form.revision());
        }
        return request.retrieve().toBodilessEntity()
                .thenReturn(Rendering.redirectTo("/admin/coordinators/" + coordinatorId + "?done=" + done)
                        .status(HttpStatus.SEE_OTHER).build())
                .onErrorResume(ApiProblem.class, problem -> problem.is(412) || problem.is(409)
                        // changed meanwhile, or already so: the entry as it is now
                        ? read(coordinatorId).map(stored -> Rendering.view(
                                renderEntry(stored, RosterForm.of(stored), Map.of(), null, true, model)).build())
                        : Mono.error(problem));
    }

    /** A 400's fields, or a 409's message at the subject; null for anything the error pages handle. */
    private static Map<String, String> refusedFields(ApiProblem problem, String conflictKey) {
        Map<String, String> refused = new LinkedHashMap<>();
        if (problem.is(409) && conflictKey != null) {
            refused.put("subject", conflictKey);
        } else if (problem.is(400)) {
            problem.errors().forEach(error -> refused.putIfAbsent(formField(error.field()), error.message()));
            if (refused.isEmpty()) {
                refused.put("", problem.detail() == null ? "" : problem.detail());
            }
        } else {
            return null;
        }
        return refused;
    }

    /** The API's {@code entry.bureaus[0]} is the form's {@code bureaus}. */
    private static String formField(String apiField) {
        if (apiField == null) {
            return "";
        }
        String field = apiField.startsWith("entry.") ? apiField.substring("entry.".length()) : apiField;
        int index = field.indexOf('[');
        field = index < 0 ? field : field.substring(0, index);
        return field.startsWith("availability") ? "awayFrom" : field;
    }

    private Mono<Coordinator> read(String coordinatorId) {
        return gateway.asPerson().get().uri("/api/coordination/coordinators/{id}", coordinatorId)
                .retrieve().bodyToMono(Coordinator.class);
    }

    private Mono<String> renderRoster(RosterForm form, Map<String, String> errors, boolean added, Model model) {
        Mono<List<Coordinator>> active = list(true);
        Mono<List<Coordinator>> inactive = list(false);
        Mono<List<StaffAccount>> coordinatorAccounts = gateway.asPerson().get().uri("/api/identity/admin/accounts")
                .retrieve().bodyToMono(StaffList.class)
                .map(staff -> staff.accounts().stream()
                        .filter(account -> account.roles() != null && account.roles().contains("COORDINATOR")).toList());
        return Mono.zip(active, inactive, coordinatorAccounts).map(all -> {
            List<String> rostered = java.util.stream.Stream.concat(all.getT1().stream(), all.getT2().stream())
                    .map(Coordinator::subject).toList();
            model.addAttribute("active", all.getT1());
            model.addAttribute("inactive", all.getT2());
            model.addAttribute("accounts", all.getT3().stream().filter(account -> !rostered.contains(account.id())).toList());
            model.addAttribute("added", added);
            formModel(form, errors, model);
            return "coordination/roster";
        });
    }

    private Mono<List<Coordinator>> list(boolean active) {
        return gateway.asPerson().get()
                .uri(uri -> uri.path("/api/coordination/coordinators").queryParam("active", active).queryParam("limit", 500).build())
                .retrieve().bodyToMono(CoordinatorList.class).map(CoordinatorList::items);
    }

    private static String renderEntry(Coordinator stored, RosterForm form, Map<String, String> errors, String done,
                                      boolean conflict, Model model) {
        model.addAttribute("coordinator", stored);
        model.addAttribute("done", done);
        model.addAttribute("conflict", conflict);
        formModel(form, errors, model);
        return "coordination/coordinator";
    }

    private static void formModel(RosterForm form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("bureauChoices", Prefectures.bureaus());
        model.addAttribute("technologyFields", TechnologyFieldVocabulary.current().all());
        model.addAttribute("jsicDivisions", JsicDivisions.CODES);
    }
}
