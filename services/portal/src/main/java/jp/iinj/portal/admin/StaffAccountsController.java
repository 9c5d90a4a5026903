package jp.iinj.portal.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.iinj.portal.gateway.ApiProblem;
import jp.iinj.portal.gateway.GatewayClient;

import org.springframework.http.HttpStatus;
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
 * {@code /admin/accounts}: an administrator opens the account of a regional body's staff member or a coordinator,
 * with the bureaus they cover (identity's {@code POST /api/identity/admin/accounts}); identity mails them a link to
 * set their password.
 */
@Controller
class StaffAccountsController {

    static final List<String> ROLES = List.of("REGIONAL_BODY", "COORDINATOR");
    static final List<String> BUREAUS = jp.iinj.portal.referencedata.Prefectures.bureaus();

    /** The form: one role, the bureaus covered. */
    record StaffAccountForm(String email, String displayName, String role, List<String> bureaus) {

        StaffAccountForm {
            bureaus = bureaus == null ? List.of() : List.copyOf(bureaus);
        }
    }

    record NewAccount(String email, String displayName, List<String> roles, List<String> bureaus) {
    }

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record StaffAccount(String email, String displayName, List<String> roles, List<String> bureaus, String status) {
    }

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record StaffList(List<StaffAccount> accounts, Boolean truncated) {

        StaffList {
            accounts = accounts == null ? List.of() : accounts;
        }
    }

    private final GatewayClient gateway;

    StaffAccountsController(GatewayClient gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/admin/accounts")
    Mono<String> form(@RequestParam(required = false) String created, Model model) {
        return render(new StaffAccountForm("", "", "REGIONAL_BODY", List.of()), Map.of(),
                created != null && created.length() <= 254 ? created : null, model);
    }

    @PostMapping(path = "/admin/accounts", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> create(@ModelAttribute StaffAccountForm form, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.email() == null || form.email().isBlank()) {
            errors.put("email", "admin.error.required");
        }
        if (form.displayName() == null || form.displayName().isBlank()) {
            errors.put("displayName", "admin.error.required");
        }
        if (form.role() == null || !ROLES.contains(form.role())) {
            errors.put("role", "admin.error.role");
        }
        if (form.bureaus().isEmpty() || !BUREAUS.containsAll(form.bureaus())) {
            errors.put("bureaus", "admin.error.bureaus");
        }
        if (!errors.isEmpty()) {
            return render(form, errors, null, model).map(view -> Rendering.view(view).build());
        }
        String email = form.email().strip();
        return gateway.asPerson().post().uri("/api/identity/admin/accounts")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new NewAccount(email, form.displayName().strip(), List.of(form.role()), form.bureaus()))
                .retrieve().toBodilessEntity()
                .map(created -> Rendering.redirectTo("/admin/accounts?created=" + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8))
                        .status(HttpStatus.SEE_OTHER).build())
                .onErrorResume(ApiProblem.class, problem -> {
                    Map<String, String> refused = new LinkedHashMap<>();
                    if (problem.is(409)) {
                        refused.put("email", "admin.error.taken");
                    } else if (problem.is(400)) {
                        problem.errors().forEach(error -> refused.putIfAbsent(
                                error.field() == null ? "" : error.field().replaceAll("\\[.*$", ""), error.message()));
                    } else {
                        return Mono.error(problem);
                    }
                    return render(form, refused, null, model).map(view -> Rendering.view(view).build());
                });
    }

    /** The form, below the staff as identity lists them (regional bodies, coordinators, administrators). */
    private Mono<String> render(StaffAccountForm form, Map<String, String> errors, String created, Model model) {
        return gateway.asPerson().get().uri("/api/identity/admin/accounts").retrieve().bodyToMono(StaffList.class)
                .map(staff -> {
                    model.addAttribute("staff", staff.accounts());
                    model.addAttribute("truncated", Boolean.TRUE.equals(staff.truncated()));
                    return fill(form, errors, created, model);
                });
    }

    private static String fill(StaffAccountForm form, Map<String, String> errors, String created, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("created", created);
        model.addAttribute("roles", ROLES);
        model.addAttribute("bureaus", BUREAUS);
        return "admin/accounts";
    }
}
