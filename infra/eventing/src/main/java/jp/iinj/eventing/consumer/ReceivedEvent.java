package jp.iinj.eventing.consumer;

import jp.iinj.eventing.cloudevents.EventMetadata;

/**
 * An event as a handler gets it: its CloudEvents attributes, its payload (typed for a handler of one type; the raw
 * bytes for a handler of every type), its data exactly as received, so it can be forwarded unchanged, and where it
 * was read.
 */
public record ReceivedEvent<P>(EventMetadata metadata, P payload, byte[] data, EventPosition position) {
}
