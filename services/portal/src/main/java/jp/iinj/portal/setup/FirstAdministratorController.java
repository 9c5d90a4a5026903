package jp.iinj.portal.setup;

import java.util.LinkedHashMap;
import java.util.Map;

import jp.iinj.portal.account.PasswordRules;
import jp.iinj.portal.gateway.ApiProblem;
import jp.iinj.portal.gateway.GatewayClient;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import reactor.core.publisher.Mono;

/**
 * {@code /setup?token=…}: the page the local platform's banner links to while no administrator exists. The first
 * administrator chooses their e-mail and password; identity checks the one-time token (single use, expiring) and
 * creates the account. Deployments use identity's environment-variable bootstrap instead (see identity's README).
 */
@Controller
class FirstAdministratorController {

    private final GatewayClient gateway;

    FirstAdministratorController(GatewayClient gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/setup")
    Mono<String> form(@RequestParam(required = false) String token, Model model) {
        if (token == null || token.isBlank()) {
            return Mono.just("setup/closed");
        }
        // the link may already be used or expired: say so before the person types anything
        return gateway.anonymous().get().uri("/api/identity/first-administrator/setup")
                .retrieve().toBodilessEntity()
                .map(open -> {
                    model.addAttribute("form", FirstAdministratorForm.empty(token));
                    model.addAttribute("errors", Map.of());
                    return "setup/first-administrator";
                })
                .onErrorResume(ApiProblem.class, closed -> Mono.just("setup/closed"));
    }

    @PostMapping(path = "/setup", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<String> create(@ModelAttribute FirstAdministratorForm form, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        PasswordRules.check(form.password(), form.passwordConfirmation()).ifPresent(problem -> {
            if (problem == PasswordRules.Problem.LENGTH) {
                errors.put("password", "setup.error.passwordLength");
            } else {
                errors.put("passwordConfirmation", "setup.error.passwordMismatch");
            }
        });
        if (form.email() == null || form.email().isBlank()) {
            errors.put("email", "setup.error.required");
        }
        if (form.displayName() == null || form.displayName().isBlank()) {
            errors.put("displayName", "setup.error.required");
        }
        if (!errors.isEmpty()) {
            return Mono.just(again(form, errors, Map.of(), model));
        }
        return gateway.anonymous().post().uri("/api/identity/first-administrator")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new FirstAdministratorRequest(form.token(), form.email().strip(), form.displayName().strip(), form.password()))
                .retrieve().toBodilessEntity()
                .map(created -> {
                    model.addAttribute("email", form.email().strip());
                    return "setup/done";
                })
                .onErrorResume(ApiProblem.class, problem -> {
                    if (problem.is(404) || problem.is(410)) {
                        return Mono.just("setup/closed");
                    }
                    if (problem.is(400)) {
                        return Mono.just(again(form, Map.of(), problem.fieldMessages(), model));
                    }
                    return Mono.error(problem);
                });
    }

    /**
     * The form again, keeping what was typed except passwords.
     *
     * @param errors    our own checks: field to message key
     * @param apiErrors identity's: field to its message (shown as it is, for rules only identity knows)
     */
    private static String again(FirstAdministratorForm form, Map<String, String> errors, Map<String, String> apiErrors, Model model) {
        model.addAttribute("form", form.withoutPasswords());
        model.addAttribute("errors", errors);
        model.addAttribute("apiErrors", apiErrors);
        return "setup/first-administrator";
    }
}
