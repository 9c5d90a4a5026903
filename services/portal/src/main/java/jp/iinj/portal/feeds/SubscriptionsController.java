package jp.iinj.portal.feeds;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import jp.iinj.portal.feeds.FeedSubscriptions.Created;
import jp.iinj.portal.feeds.FeedSubscriptions.DeliveryList;
import jp.iinj.portal.feeds.FeedSubscriptions.NewSubscription;
import jp.iinj.portal.feeds.FeedSubscriptions.ReplayRange;
import jp.iinj.portal.feeds.FeedSubscriptions.Replayed;
import jp.iinj.portal.feeds.FeedSubscriptions.Rotated;
import jp.iinj.portal.feeds.FeedSubscriptions.Subscription;
import jp.iinj.portal.feeds.FeedSubscriptions.SubscriptionList;
import jp.iinj.portal.gateway.ApiProblem;
import jp.iinj.portal.gateway.GatewayClient;
import jp.iinj.portal.referencedata.Prefectures;
import jp.iinj.portal.signin.Person;
import reactor.core.publisher.Mono;

/**
 * A regional body's webhook subscriptions (event feeds' {@code /api/feeds/subscriptions}):
 * {@code /regional/subscriptions} lists them, each disabled one with why (this is where the body learns that its
 * endpoint failed for too long or answered 410); {@code …/new} creates one and shows its signing secret once;
 * {@code …/{id}} shows one with its delivery log (every attempt), and replays a delivery or a time range, rotates the
 * secret (the new one shown once), enables it again, and deletes it after asking. The service decides whose
 * subscriptions a person sees (404 for others'); 400s stand by their fields, 409s are said in words by their
 * {@code code}.
 */
@Controller
class SubscriptionsController {

    static final int DELIVERIES_SHOWN = 50;
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final String BASE = "/regional/subscriptions";
    private static final String API = "/api/feeds/subscriptions";

    /** A time range to replay, as typed in the page's {@code datetime-local} fields (Japan time). */
    record RangeForm(String from, String to) {

        static RangeForm empty() {
            return new RangeForm("", "");
        }

        ReplayRange range(Map<String, String> errors) {
            Instant start = instant(from, "from", errors);
            Instant end = instant(to, "to", errors);
            if (start != null && end != null && !start.isBefore(end)) {
                errors.put("to", "feeds.error.rangeOrder");
            }
            return new ReplayRange(start, end);
        }

        private static Instant instant(String value, String field, Map<String, String> errors) {
            try {
                return LocalDateTime.parse(value == null ? "" : value.strip()).atZone(JAPAN).toInstant();
            } catch (DateTimeParseException notATime) {
                errors.put(field, "feeds.error.rangeTime");
                return null;
            }
        }
    }

    private final GatewayClient gateway;

    SubscriptionsController(GatewayClient gateway) {
        this.gateway = gateway;
    }

    @GetMapping(BASE)
    Mono<String> list(@RequestParam(required = false) String done, Model model) {
        return gateway.asPerson().get().uri(API).retrieve().bodyToMono(SubscriptionList.class).map(list -> {
            model.addAttribute("subscriptions", list.subscriptions());
            model.addAttribute("disabled", list.subscriptions().stream().filter(subscription -> !subscription.active()).toList());
            model.addAttribute("done", "deleted".equals(done) ? done : null);
            return "feeds/subscriptions";
        });
    }

    @GetMapping(BASE + "/new")
    String form(@AuthenticationPrincipal OidcUser user, Model model) {
        return renderForm(SubscriptionForm.empty(), bureauChoices(user), Map.of(), null, model);
    }

    @PostMapping(path = BASE, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> create(@AuthenticationPrincipal OidcUser user, ServerWebExchange exchange, Model model) {
        List<String> bureaus = bureauChoices(user);
        return exchange.getFormData().map(SubscriptionForm::of).flatMap(form -> {
            Map<String, String> errors = new LinkedHashMap<>();
            NewSubscription request = form.request(bureaus, errors);
            if (!errors.isEmpty()) {
                return Mono.just(Rendering.view(renderForm(form, bureaus, errors, null, model)).build());
            }
            return gateway.asPerson().post().uri(API).contentType(MediaType.APPLICATION_JSON).bodyValue(request)
                    .retrieve().bodyToMono(Created.class)
                    .map(created -> {
                        noStore(exchange);
                        model.addAttribute("secret", created.secret());
                        model.addAttribute("subscriptionId", created.id());
                        model.addAttribute("sink", created.sink());
                        model.addAttribute("rotated", false);
                        return Rendering.view("feeds/secret").status(HttpStatus.CREATED).build();
                    })
                    .onErrorResume(ApiProblem.class, problem -> {
                        if (problem.is(400)) {
                            return Mono.just(Rendering.view(renderForm(form, bureaus, fieldErrors(problem), null, model)).build());
                        }
                        if (problem.is(409) || problem.is(422)) {
                            return Mono.just(Rendering.view(renderForm(form, bureaus, Map.of(), problem.code(), model)).build());
                        }
                        return Mono.error(problem);
                    });
        });
    }

    @GetMapping(BASE + "/{subscriptionId}")
    Mono<String> subscription(@PathVariable String subscriptionId, @RequestParam(required = false) String done,
                              @RequestParam(required = false) Integer events, Model model) {
        String shown = done != null && done.matches("created|enabled|replayed|rangeReplayed") ? done : null;
        model.addAttribute("done", shown);
        model.addAttribute("replayedEvents", events == null ? 0 : events);
        return renderSubscription(subscriptionId, null, RangeForm.empty(), Map.of(), model);
    }

    @PostMapping(path = BASE + "/{subscriptionId}/enable", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> enable(@PathVariable String subscriptionId, Model model) {
        return gateway.asPerson().post().uri(API + "/{id}/enable", subscriptionId).retrieve().toBodilessEntity()
                .thenReturn(done(subscriptionId, "enabled"))
                .onErrorResume(ApiProblem.class, problem -> refused(subscriptionId, problem, model));
    }

    @PostMapping(path = BASE + "/{subscriptionId}/secret", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> rotate(@PathVariable String subscriptionId, ServerWebExchange exchange, Model model) {
        return gateway.asPerson().post().uri(API + "/{id}/secret", subscriptionId).retrieve().bodyToMono(Rotated.class)
                .map(rotated -> {
                    noStore(exchange);
                    model.addAttribute("secret", rotated.secret());
                    model.addAttribute("subscriptionId", subscriptionId);
                    model.addAttribute("previousSecretValidUntil", rotated.previousSecretValidUntil());
                    model.addAttribute("rotated", true);
                    return Rendering.view("feeds/secret").build();
                })
                .onErrorResume(ApiProblem.class, problem -> refused(subscriptionId, problem, model));
    }

    @GetMapping(BASE + "/{subscriptionId}/deletion")
    Mono<String> confirmDeletion(@PathVariable String subscriptionId, Model model) {
        return read(subscriptionId).map(subscription -> {
            model.addAttribute("subscription", subscription);
            return "feeds/delete";
        });
    }

    @PostMapping(path = BASE + "/{subscriptionId}/deletion", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> delete(@PathVariable String subscriptionId) {
        return gateway.asPerson().delete().uri(API + "/{id}", subscriptionId).retrieve().toBodilessEntity()
                .thenReturn(Rendering.redirectTo(BASE + "?done=deleted").status(HttpStatus.SEE_OTHER).build());
    }

    @PostMapping(path = BASE + "/{subscriptionId}/deliveries/{deliveryId}/replay",
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> replayDelivery(@PathVariable String subscriptionId, @PathVariable String deliveryId, Model model) {
        return gateway.asPerson().post().uri(API + "/{id}/deliveries/{delivery}/replay", subscriptionId, deliveryId)
                .retrieve().toBodilessEntity()
                .thenReturn(done(subscriptionId, "replayed"))
                .onErrorResume(ApiProblem.class, problem -> refused(subscriptionId, problem, model));
    }

    @PostMapping(path = BASE + "/{subscriptionId}/replays", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> replayRange(@PathVariable String subscriptionId, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().map(form -> new RangeForm(form.getFirst("from"), form.getFirst("to"))).flatMap(form -> {
            Map<String, String> errors = new LinkedHashMap<>();
            ReplayRange range = form.range(errors);
            if (!errors.isEmpty()) {
                return renderSubscription(subscriptionId, null, form, errors, model).map(view -> Rendering.view(view).build());
            }
            return gateway.asPerson().post().uri(API + "/{id}/replays", subscriptionId)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(range)
                    .retrieve().bodyToMono(Replayed.class)
                    .map(replayed -> Rendering.redirectTo(BASE + "/" + subscriptionId + "?done=rangeReplayed&events="
                            + replayed.events()).status(HttpStatus.SEE_OTHER).build())
                    .onErrorResume(ApiProblem.class, problem -> {
                        if (problem.is(400)) {
                            Map<String, String> refused = new LinkedHashMap<>();
                            problem.errors().forEach(error -> refused.putIfAbsent(
                                    "from".equals(error.field()) || "to".equals(error.field()) ? error.field() : "range",
                                    error.message()));
                            if (refused.isEmpty()) {
                                refused.put("range", problem.detail() == null ? "" : problem.detail());
                            }
                            return renderSubscription(subscriptionId, null, form, refused, model)
                                    .map(view -> Rendering.view(view).build());
                        }
                        return refused(subscriptionId, problem, form, model);
                    });
        });
    }

    /** A 409 (or 412): the subscription as it is now, and why the action was refused, in words. */
    private Mono<Rendering> refused(String subscriptionId, ApiProblem problem, Model model) {
        return refused(subscriptionId, problem, RangeForm.empty(), model);
    }

    /** The same, keeping the time range the person typed. */
    private Mono<Rendering> refused(String subscriptionId, ApiProblem problem, RangeForm range, Model model) {
        if (!problem.is(409) && !problem.is(412)) {
            return Mono.error(problem);
        }
        return renderSubscription(subscriptionId, problem.code(), range, Map.of(), model)
                .map(view -> Rendering.view(view).build());
    }

    private Mono<String> renderSubscription(String subscriptionId, String refusalCode, RangeForm range,
                                            Map<String, String> rangeErrors, Model model) {
        Mono<DeliveryList> deliveries = gateway.asPerson().get()
                .uri(uri -> uri.path(API + "/{id}/deliveries").queryParam("limit", DELIVERIES_SHOWN).build(subscriptionId))
                .retrieve().bodyToMono(DeliveryList.class);
        return Mono.zip(read(subscriptionId), deliveries).map(both -> {
            model.addAttribute("subscription", both.getT1());
            model.addAttribute("deliveries", both.getT2().deliveries());
            model.addAttribute("refused", refusalCode != null);
            model.addAttribute("refusalCode", refusalCode == null ? "" : refusalCode);
            model.addAttribute("range", range);
            model.addAttribute("errors", rangeErrors);
            if (!model.containsAttribute("done")) {
                model.addAttribute("done", null);
                model.addAttribute("replayedEvents", 0);
            }
            return "feeds/subscription";
        });
    }

    private Mono<Subscription> read(String subscriptionId) {
        return gateway.asPerson().get().uri(API + "/{id}", subscriptionId).retrieve().bodyToMono(Subscription.class);
    }

    /** The bureaus a subscription may be narrowed to: the person's (an administrator: every bureau). */
    private static List<String> bureauChoices(OidcUser user) {
        Person person = Person.of(user);
        return person.isAdministrator() ? Prefectures.bureaus()
                : Prefectures.bureaus().stream().filter(person.bureaus()::contains).toList();
    }

    private static String renderForm(SubscriptionForm form, List<String> bureaus, Map<String, String> errors,
                                     String conflictCode, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("bureauChoices", bureaus);
        model.addAttribute("errors", errors);
        model.addAttribute("conflictCode", conflictCode);
        model.addAttribute("attributes", SubscriptionForm.ATTRIBUTES);
        model.addAttribute("dialects", SubscriptionForm.DIALECTS);
        return "feeds/new";
    }

    /** A 400's fields, the API's message for each, on the form's fields; filters keep the path the API named. */
    private static Map<String, String> fieldErrors(ApiProblem problem) {
        Map<String, String> errors = new LinkedHashMap<>();
        problem.errors().forEach(error -> {
            String field = SubscriptionForm.formField(error.field());
            String message = "rawFilters".equals(field) ? error.field() + ": " + error.message() : error.message();
            errors.merge(field, message, (first, next) -> first + " / " + next);
        });
        if (errors.isEmpty()) {
            errors.put("", problem.detail() == null ? "" : problem.detail());
        }
        return errors;
    }

    private static Rendering done(String subscriptionId, String done) {
        return Rendering.redirectTo(BASE + "/" + subscriptionId + "?done=" + done).status(HttpStatus.SEE_OTHER).build();
    }

    /** A page that shows a secret is kept by no cache and no history's copy. */
    private static void noStore(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().setCacheControl(CacheControl.noStore());
    }
}
