package jp.iinj.portal.account;

import java.util.LinkedHashMap;
import java.util.Map;

import jp.iinj.portal.gateway.ApiProblem;
import jp.iinj.portal.gateway.GatewayClient;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import reactor.core.publisher.Mono;

/**
 * The pages identity's mails link to, and the reset request: {@code /account/password?token=…} sets a password (a new
 * owner's or staff member's first, or a reset), {@code /account/invitation?token=…} accepts an invitation to act for
 * an organisation, {@code /account/reset} asks for a reset mail. The rules are shown before the person types; identity
 * decides (its {@code PasswordPolicy}: 12 to 128 characters, not containing the name part of the e-mail).
 */
@Controller
class AccountLinksController {

    record PasswordRequest(String password) {
    }

    record InvitationAcceptance(String displayName, String password) {
    }

    record ResetRequest(String email) {
    }

    private final GatewayClient gateway;

    AccountLinksController(GatewayClient gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/account/password")
    String passwordForm(@RequestParam(required = false) String token, Model model) {
        return form("account/password", new PasswordForm(token, null, "", ""), Map.of(), model);
    }

    @PostMapping(path = "/account/password", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<String> setPassword(@ModelAttribute PasswordForm form, Model model) {
        Map<String, String> errors = passwordChecks(form, false);
        if (!errors.isEmpty() || blank(form.token())) {
            return Mono.just(blank(form.token()) ? "account/link-unusable" : form("account/password", form, errors, model));
        }
        return gateway.anonymous().post().uri("/api/identity/password-resets/{token}", form.token())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(new PasswordRequest(form.password()))
                .retrieve().toBodilessEntity()
                .thenReturn("account/password-set")
                .onErrorResume(ApiProblem.class, problem -> refused("account/password", form, problem, model));
    }

    @GetMapping("/account/invitation")
    String invitationForm(@RequestParam(required = false) String token, Model model) {
        return form("account/invitation", new PasswordForm(token, "", "", ""), Map.of(), model);
    }

    @PostMapping(path = "/account/invitation", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<String> acceptInvitation(@ModelAttribute PasswordForm form, Model model) {
        Map<String, String> errors = passwordChecks(form, true);
        if (!errors.isEmpty() || blank(form.token())) {
            return Mono.just(blank(form.token()) ? "account/link-unusable" : form("account/invitation", form, errors, model));
        }
        return gateway.anonymous().post().uri("/api/identity/invitations/{token}", form.token())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new InvitationAcceptance(form.displayName().strip(), form.password()))
                .retrieve().toBodilessEntity()
                .thenReturn("account/invitation-accepted")
                .onErrorResume(ApiProblem.class, problem -> refused("account/invitation", form, problem, model));
    }

    @GetMapping("/account/reset")
    String resetForm() {
        return "account/reset";
    }

    /** Always the same answer, whether or not an account has this e-mail (identity answers 202 either way). */
    @PostMapping(path = "/account/reset", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<String> requestReset(@ModelAttribute ResetRequest request, Model model) {
        if (blank(request.email())) {
            model.addAttribute("emailMissing", true);
            return Mono.just("account/reset");
        }
        return gateway.anonymous().post().uri("/api/identity/password-resets")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(new ResetRequest(request.email().strip()))
                .retrieve().toBodilessEntity()
                .thenReturn("account/reset-requested")
                .onErrorResume(ApiProblem.class, problem -> {
                    if (problem.is(400)) {
                        model.addAttribute("emailInvalid", true);
                        return Mono.just("account/reset");
                    }
                    return Mono.error(problem);
                });
    }

    private static Map<String, String> passwordChecks(PasswordForm form, boolean needsName) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (needsName && blank(form.displayName())) {
            errors.put("displayName", "account.error.nameRequired");
        }
        PasswordRules.check(form.password(), form.passwordConfirmation()).ifPresent(problem -> {
            if (problem == PasswordRules.Problem.LENGTH) {
                errors.put("password", "account.error.passwordLength");
            } else {
                errors.put("passwordConfirmation", "account.error.passwordMismatch");
            }
        });
        return errors;
    }

    /** identity's refusal: a token it does not know (used, expired) ends here; a password it refuses goes back to the form. */
    private static Mono<String> refused(String view, PasswordForm form, ApiProblem problem, Model model) {
        if (problem.is(400) || problem.is(404) || problem.is(410)) {
            Map<String, String> errors = new LinkedHashMap<>();
            problem.errors().forEach(error -> {
                if ("password".equals(error.field()) || "displayName".equals(error.field())) {
                    errors.putIfAbsent(error.field(), error.message());
                }
            });
            if (errors.isEmpty()) {
                return Mono.just("account/link-unusable");
            }
            return Mono.just(form(view, form, errors, model));
        }
        return Mono.error(problem);
    }

    private static String form(String view, PasswordForm form, Map<String, String> errors, Model model) {
        if (blank(form.token())) {
            return "account/link-unusable";
        }
        model.addAttribute("form", form.withoutPasswords());
        model.addAttribute("errors", errors);
        return view;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
