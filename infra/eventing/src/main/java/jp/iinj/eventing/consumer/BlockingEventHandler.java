package jp.iinj.eventing.consumer;

/**
 * Applies one event with blocking code (a Spring MVC service, a blocking store), on the consumer's own thread. The
 * same rules as {@link EventHandler}: idempotent, {@link PoisonEventException} for an event that can never be applied.
 */
@FunctionalInterface
public interface BlockingEventHandler<P> {

    void handle(ReceivedEvent<P> event);
}
