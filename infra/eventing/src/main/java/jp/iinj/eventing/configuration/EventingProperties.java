package jp.iinj.eventing.configuration;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code iinj.eventing.*}: which service this is, where its outboxes are, and how topics, relay and consumers
 * behave.
 *
 * @param service the writing service's name, e.g. {@code member-registry}: decides which topics it may write
 */
@ConfigurationProperties("iinj.eventing")
public record EventingProperties(
        String service,
        @DefaultValue Outbox outbox,
        @DefaultValue Topics topics,
        @DefaultValue Consumers consumers) {

    /**
     * @param collections      the MongoDB collections whose documents carry an outbox
     * @param sweepInterval    how often the relay looks for events no hand-off brought it (and recounts the backlog)
     * @param concurrency      aggregates relayed in parallel (events of one aggregate are always sequential)
     * @param lease            how long a relay instance owns an aggregate before another may take it over
     * @param retention        how long published entries stay in the document (for inspection) before they are pruned
     * @param handOffCapacity  aggregates waiting for the relay before further hand-offs are left to the sweep
     */
    public record Outbox(
            @DefaultValue List<String> collections,
            @DefaultValue("10s") Duration sweepInterval,
            @DefaultValue("16") int concurrency,
            @DefaultValue("30s") Duration lease,
            @DefaultValue("1s") Duration initialBackoff,
            @DefaultValue("60s") Duration maxBackoff,
            @DefaultValue("1h") Duration retention,
            @DefaultValue("100000") int handOffCapacity) {
    }

    /** Topics are created with these settings; production clusters want a replication factor of 3. */
    public record Topics(
            @DefaultValue("3") int partitions,
            @DefaultValue("1") short replicationFactor) {
    }

    /**
     * @param retries                 retries of a failure before the record goes to the dead-letter topic
     * @param handlerTimeout          the longest one handler call may take
     * @param processedRetention      how long an applied event id is remembered: longer than any topic keeps records
     * @param processedSweepInterval  how often expired ids are removed where no TTL index does it (the embedded MongoDB)
     */
    public record Consumers(
            @DefaultValue("4") int retries,
            @DefaultValue("500ms") Duration initialBackoff,
            @DefaultValue("5s") Duration maxBackoff,
            @DefaultValue("30s") Duration handlerTimeout,
            @DefaultValue("30d") Duration processedRetention,
            @DefaultValue("1h") Duration processedSweepInterval) {
    }
}
