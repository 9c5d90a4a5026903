package jp.iinj.eventing.consumer;

/**
 * Where an event was read: its topic, partition and offset. Within one partition (one aggregate's events always share
 * one) offsets only grow, so a reader that keeps the last offset it saw per partition never misses nor repeats an
 * event, whatever the instances and threads that wrote them down.
 */
public record EventPosition(String topic, int partition, long offset) {
}
