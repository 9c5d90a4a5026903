package jp.iinj.eventfeeds.subscriptions;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.contracts.feeds.SubscriptionDisabledReason;
import jp.iinj.contracts.feeds.SubscriptionDisabledV1;
import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.eventfeeds.log.FeedLog;
import jp.iinj.eventfeeds.log.FeedScope;
import jp.iinj.eventfeeds.sinks.SinkPolicy;
import jp.iinj.eventfeeds.webhooks.WebhookSecrets;
import jp.iinj.eventing.cloudevents.EventRegion;
import jp.iinj.eventing.outbox.AggregateStore;
import jp.iinj.eventing.outbox.OutboxEntry;
import jp.iinj.eventing.outbox.OutboxEventFactory;
import jp.iinj.httpapi.core.access.PlatformPrincipal;
import jp.iinj.httpapi.core.problems.ConflictException;
import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.httpapi.core.problems.ProblemException;
import jp.iinj.httpapi.core.problems.ResourceNotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Every change of a subscription, each in one place: who may make it ({@link SubscriptionAccess}), what it changes,
 * and the event it emits. Each is one single-document write guarded by the revision read.
 */
@Service
public class SubscriptionActions {

    private final ReactiveMongoTemplate mongo;
    private final AggregateStore store;
    private final OutboxEventFactory events;
    private final FeedLog log;
    private final SinkPolicy sinks;
    private final ApplicationEventPublisher published;
    private final Clock clock;
    private final Duration rotationOverlap;
    private final int maxPerOwner;

    public SubscriptionActions(ReactiveMongoTemplate mongo, AggregateStore store, OutboxEventFactory events,
                               FeedLog log, SinkPolicy sinks, ApplicationEventPublisher published, Clock clock,
                               @Value("${iinj.feeds.webhooks.rotation-overlap:24h}") Duration rotationOverlap,
                               @Value("${iinj.feeds.subscriptions.max-per-owner:200}") int maxPerOwner) {
        this.mongo = mongo;
        this.store = store;
        this.events = events;
        this.log = log;
        this.sinks = sinks;
        this.published = published;
        this.clock = clock;
        this.rotationOverlap = rotationOverlap;
        this.maxPerOwner = maxPerOwner;
    }

    public Mono<Subscription> create(SubscriptionRequests.NewSubscription request, PlatformPrincipal caller) {
        SubscriptionAccess.requireSubscriber(caller);
        SubscriptionRules.Checked checked = SubscriptionRules.checked(request, sinks);
        boolean everything = checked.bureaus().isEmpty() && caller.has(PlatformRole.ADMIN);
        Set<String> bureaus = checked.bureaus().isEmpty() && !everything ? caller.bureaus() : checked.bureaus();
        if (!SubscriptionAccess.mayCreateFor(caller, bureaus, everything)) {
            return Mono.error(ProblemException.forbidden("A regional body subscribes to its own bureaus' events "
                    + "only; " + String.join(", ", new TreeSet<>(caller.bureaus())) + " here."));
        }
        return resolvedSink(checked.sink())
                .then(countOwned(bureaus, everything))
                .flatMap(owned -> owned >= maxPerOwner
                        ? Mono.error(ConflictException.because("too-many-subscriptions", "at most " + maxPerOwner
                        + " subscriptions per body; delete one you no longer use"))
                        : log.end(FeedScope.everything()))
                .flatMap(start -> {
                    Instant now = clock.instant();
                    Subscription subscription = new Subscription(UUID.randomUUID().toString(),
                            new TreeSet<>(bureaus), everything, checked.types(), checked.filtersJson(),
                            checked.sink().toString(), Subscription.HTTP, Subscription.Status.ACTIVE, null,
                            List.of(new Subscription.SigningSecret(WebhookSecrets.generate(), null)),
                            start.encoded(), caller.subject(), now, now, 1);
                    return store.insert(subscription, List.of());
                })
                .doOnNext(created -> published.publishEvent(new SubscriptionChanged(created.id())));
    }

    /** The caller's subscriptions, oldest first. */
    public Mono<List<Subscription>> list(PlatformPrincipal caller) {
        SubscriptionAccess.requireSubscriber(caller);
        Query query = caller.has(PlatformRole.ADMIN) ? new Query()
                : Query.query(where("everything").is(false).and("bureaus").in(caller.bureaus()));
        return mongo.find(query.with(Sort.by("createdAt", "_id")).limit(1000), Subscription.class)
                .filter(subscription -> SubscriptionAccess.mayManage(caller, subscription)).collectList();
    }

    /** A subscription the caller manages; 404 for any other, so ids of other bodies' subscriptions reveal nothing. */
    public Mono<Subscription> read(String subscriptionId, PlatformPrincipal caller) {
        SubscriptionAccess.requireSubscriber(caller);
        return mongo.findById(subscriptionId, Subscription.class)
                .filter(subscription -> SubscriptionAccess.mayManage(caller, subscription))
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("no subscription " + subscriptionId
                        + " of yours")));
    }

    /** Deleted with where its delivery had got to; its delivery log expires on its own. */
    public Mono<Void> delete(String subscriptionId, PlatformPrincipal caller) {
        return read(subscriptionId, caller)
                .flatMap(subscription -> mongo.remove(Query.query(where("_id").is(subscription.id())
                        .and("revision").is(subscription.revision())), Subscription.class)
                        .flatMap(removed -> removed.getDeletedCount() == 1 ? Mono.just(subscription)
                                : Mono.error(new ConflictException("subscription " + subscriptionId
                                + " changed meanwhile; read it again"))))
                .doOnNext(deleted -> published.publishEvent(new SubscriptionChanged(deleted.id())))
                .then();
    }

    /** A new secret, shown once; the old one keeps signing for the overlap, so receivers can switch without a gap. */
    public Mono<Rotation> rotate(String subscriptionId, PlatformPrincipal caller) {
        String secret = WebhookSecrets.generate();
        Instant now = clock.instant();
        Instant overlapEnds = now.plus(rotationOverlap);
        return change(subscriptionId, caller, current -> current.rotated(secret, overlapEnds, now), List.of())
                .map(rotated -> new Rotation(rotated, secret, overlapEnds));
    }

    public record Rotation(Subscription subscription, String secret, Instant previousSecretValidUntil) {
    }

    /** Deliveries resume where they stopped, starting with the delivery that failed. */
    public Mono<Subscription> enable(String subscriptionId, PlatformPrincipal caller) {
        return read(subscriptionId, caller).flatMap(current -> {
            if (current.status() == Subscription.Status.ACTIVE) {
                return Mono.just(current);
            }
            return update(current, current.enabled(clock.instant()), List.of());
        });
    }

    /**
     * The endpoint answered 410 Gone or failed every retry: no more deliveries until the owner enables it again; the
     * {@code subscription-disabled} event and the portal tell the body.
     */
    public Mono<Subscription> disable(String subscriptionId, Subscription.Disabling why) {
        return mongo.findById(subscriptionId, Subscription.class)
                .filter(current -> current.status() == Subscription.Status.ACTIVE)
                .flatMap(current -> {
                    OutboxEntry disabled = events.create(TopicCatalogue.SUBSCRIPTION_DISABLED_V1, current.id(),
                            new SubscriptionDisabledV1(current.id(), current.bureaus().stream().sorted().toList(),
                                    SubscriptionDisabledReason.valueOf(why.reason().name()), why.lastStatus(),
                                    why.at()),
                            current.bureaus().size() == 1
                                    ? new EventRegion(current.bureaus().iterator().next(), null, null)
                                    : EventRegion.none(), null, why.at());
                    return update(current, current.disabled(why, why.at()), List.of(disabled));
                });
    }

    private Mono<Subscription> change(String subscriptionId, PlatformPrincipal caller,
                                      UnaryOperator<Subscription> change,
                                      List<OutboxEntry> emitted) {
        return read(subscriptionId, caller).flatMap(current -> update(current, change.apply(current), emitted));
    }

    private Mono<Subscription> update(Subscription current, Subscription next, List<OutboxEntry> emitted) {
        return store.update(next, where("revision").is(current.revision()), emitted)
                .onErrorMap(OptimisticLockingFailureException.class, changed -> new ConflictException(
                        "subscription " + current.id() + " changed meanwhile; read it again", changed))
                .doOnNext(changed -> published.publishEvent(new SubscriptionChanged(changed.id())));
    }

    /** The sink's host must resolve now, to addresses webhooks may reach (looked up off the event loop). */
    private Mono<Void> resolvedSink(URI sink) {
        return Mono.fromCallable(() -> sinks.refusal(sink)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(refused -> refused.isPresent()
                        ? Mono.error(new FieldValidationException("sink", refused.get()))
                        : Mono.empty());
    }

    private Mono<Long> countOwned(Set<String> bureaus, boolean everything) {
        Query query = everything ? Query.query(where("everything").is(true))
                : Query.query(where("everything").is(false).and("bureaus").all(bureaus).size(bureaus.size()));
        return mongo.count(query, Subscription.class);
    }
}
