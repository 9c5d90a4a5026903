package jp.iinj.eventing.consumer;

import jp.iinj.eventing.cloudevents.EventMetadata;

/** An event as a handler gets it: its CloudEvents attributes and its typed payload. */
public record ReceivedEvent<P>(EventMetadata metadata, P payload) {
}
