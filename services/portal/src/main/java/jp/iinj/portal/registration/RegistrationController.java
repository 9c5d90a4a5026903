package jp.iinj.portal.registration;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import jp.iinj.contracts.membership.CapitalBand;
import jp.iinj.contracts.membership.EmployeeBand;
import jp.iinj.contracts.membership.OrganisationType;
import jp.iinj.contracts.membership.TechnologyFieldVocabulary;
import jp.iinj.portal.gateway.ApiProblem;
import jp.iinj.portal.gateway.GatewayClient;
import jp.iinj.portal.referencedata.ClusterCatalogue;
import jp.iinj.portal.referencedata.JsicDivisions;
import jp.iinj.portal.referencedata.Prefectures;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;

import reactor.core.publisher.Mono;

/**
 * Online registration: {@code GET /register} shows the form, which checks the corporate number and shows the
 * prefecture's bureau as the person types ({@code /register/check/*}, htmx); {@code POST /register} sends it to
 * member-registry with the form's {@code Idempotency-Key} (a double submission is one registration) and, once
 * registered, redirects to {@code /register/done}, which says what happens next.
 */
@Controller
class RegistrationController {

    static final String NO_CORPORATE_NUMBER_REASONS = "SOLE_PROPRIETOR,VOLUNTARY_ASSOCIATION,UNIVERSITY_FACULTY_OR_LABORATORY,FOREIGN_ORGANISATION,OTHER";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Registered(String id, String bureau, String status) {
    }

    private final GatewayClient gateway;
    private final ClusterCatalogue clusters;

    RegistrationController(GatewayClient gateway, ClusterCatalogue clusters) {
        this.gateway = gateway;
        this.clusters = clusters;
    }

    @GetMapping("/register")
    Mono<String> form(Model model, Locale locale) {
        return render(RegistrationForm.empty(UUID.randomUUID().toString()), Map.of(), null, model, locale);
    }

    @PostMapping(path = "/register", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> register(@ModelAttribute RegistrationForm form, Model model, Locale locale) {
        Map<String, String> ownChecks = ownChecks(form);
        if (!ownChecks.isEmpty()) {
            return render(form, ownChecks, "registration.error.summary", model, locale).map(view -> Rendering.view(view).build());
        }
        String key = form.idempotencyKey() == null || form.idempotencyKey().isBlank() ? UUID.randomUUID().toString() : form.idempotencyKey();
        return gateway.anonymous().post().uri("/api/members/organisations")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", key)
                .bodyValue(RegistrationRequest.of(form))
                .retrieve()
                .bodyToMono(Registered.class)
                .map(registered -> Rendering.redirectTo("/register/done?bureau=" + (registered.bureau() == null ? "" : registered.bureau()))
                        .status(org.springframework.http.HttpStatus.SEE_OTHER).build())
                .onErrorResume(ApiProblem.class, problem -> refused(form, problem, model, locale));
    }

    @GetMapping("/register/done")
    String done(@RequestParam(required = false) String bureau, Model model) {
        model.addAttribute("bureau", bureau != null && bureau.matches("[a-z]{2,12}") ? bureau : null);
        return "registration/done";
    }

    /** The check of the corporate number as typed: a fragment the form swaps in (htmx). */
    @PostMapping(path = "/register/check/corporate-number", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String checkCorporateNumber(@ModelAttribute RegistrationForm form, Model model) {
        model.addAttribute("verdict", CorporateNumberCheck.of(form.corporateNumber()).name());
        return "registration/checks :: corporateNumber";
    }

    /** The METI bureau of the prefecture chosen: a fragment the form swaps in (htmx). */
    @PostMapping(path = "/register/check/prefecture", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String checkPrefecture(@ModelAttribute RegistrationForm form, Model model) {
        model.addAttribute("bureau", Prefectures.byCode(form.prefectureCode()).map(Prefectures.Prefecture::bureau).orElse(null));
        return "registration/checks :: bureau";
    }

    /** What the portal checks itself before sending: message keys by field. */
    private static Map<String, String> ownChecks(RegistrationForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.withoutCorporateNumber()) {
            if (form.noCorporateNumberReason() == null || form.noCorporateNumberReason().isBlank()) {
                errors.put("noCorporateNumberReason", "registration.error.reasonRequired");
            }
        } else {
            CorporateNumberCheck.Verdict verdict = CorporateNumberCheck.of(form.corporateNumber());
            if (verdict == CorporateNumberCheck.Verdict.EMPTY) {
                errors.put("corporateNumber", "registration.error.corporateNumberOrReason");
            } else if (verdict != CorporateNumberCheck.Verdict.VALID) {
                errors.put("corporateNumber", "registration.check.corporateNumber." + verdict.name());
            }
        }
        return errors;
    }

    private Mono<Rendering> refused(RegistrationForm form, ApiProblem problem, Model model, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        String summary = "registration.error.summary";
        if (problem.is(400)) {
            problem.errors().forEach(error -> errors.putIfAbsent(formField(error.field()), error.message()));
        } else if (problem.is(409)) {
            errors.put("corporateNumber", "registration.error.alreadyRegistered");
            summary = "registration.error.alreadyRegistered";
        } else if (problem.is(422)) {
            // the key was used for another form's content: this submission gets a key of its own
            form = new RegistrationForm(form.legalName(), form.legalNameKana(), form.englishName(), form.organisationType(),
                    form.corporateNumber(), form.hasNoCorporateNumber(), form.noCorporateNumberReason(), form.prefectureCode(),
                    form.address(), form.website(), form.employeeBand(), form.capitalBand(), form.jsicCodes(),
                    form.technologyFields(), form.clusterIds(), form.ownerDisplayName(), form.ownerEmail(),
                    UUID.randomUUID().toString());
            summary = "registration.error.submitAgain";
        } else if (problem.is(429)) {
            summary = "registration.error.tooMany";
        } else {
            return Mono.error(problem);
        }
        return render(form, errors, summary, model, locale).map(view -> Rendering.view(view).build());
    }

    /** The API's field path to the form's field: {@code owner.email} is {@code ownerEmail}, {@code jsicCodes[0].code} is {@code jsicCodes}. */
    static String formField(String apiField) {
        if (apiField == null || apiField.isBlank()) {
            return "";
        }
        String field = apiField.replaceAll("\\[\\d+\\].*$", "");
        return switch (field) {
            case "owner.displayName", "owner" -> "ownerDisplayName";
            case "owner.email" -> "ownerEmail";
            default -> field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
        };
    }

    private Mono<String> render(RegistrationForm form, Map<String, String> errors, String summary, Model model, Locale locale) {
        return clusters.active().map(active -> {
            model.addAttribute("form", form);
            model.addAttribute("errors", errors);
            model.addAttribute("summary", summary);
            model.addAttribute("organisationTypes", OrganisationType.values());
            model.addAttribute("employeeBands", EmployeeBand.values());
            model.addAttribute("capitalBands", CapitalBand.values());
            model.addAttribute("noCorporateNumberReasons", NO_CORPORATE_NUMBER_REASONS.split(","));
            model.addAttribute("prefectures", Prefectures.all());
            model.addAttribute("jsicDivisions", JsicDivisions.CODES);
            model.addAttribute("technologyFields", TechnologyFieldVocabulary.current().all());
            model.addAttribute("clusters", active);
            model.addAttribute("bureau", Prefectures.byCode(form.prefectureCode()).map(Prefectures.Prefecture::bureau).orElse(null));
            model.addAttribute("verdict", CorporateNumberCheck.of(form.corporateNumber()).name());
            return "registration/form";
        });
    }

}
