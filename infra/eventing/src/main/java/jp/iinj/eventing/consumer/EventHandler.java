package jp.iinj.eventing.consumer;

import reactor.core.publisher.Mono;

/**
 * Applies one event, reactively. It is called at most once per event id and subscription (duplicates are dropped
 * before it), but may be called again after a crash between applying and recording; make the state change itself
 * idempotent where that matters. Throw {@link PoisonEventException} for an event that can never be applied; any
 * other failure is retried, then dead-lettered. Blocking code uses {@link BlockingEventHandler}.
 */
@FunctionalInterface
public interface EventHandler<P> {

    Mono<Void> handle(ReceivedEvent<P> event);
}
