package jp.iinj.eventfeeds.kpis;

import java.time.Instant;

import jp.iinj.eventfeeds.log.FeedEvent;

/**
 * What the KPIs read of one logged event: its type, aggregate ({@code subject}), time, region attributes, data, and
 * its position (offsets order one aggregate's events, which all share a partition).
 */
public record KpiEvent(String id, String type, String subject, Instant time, KpiRegion region, byte[] data,
                       String topic, int partition, long offset) {

    public static KpiEvent of(FeedEvent logged) {
        return new KpiEvent(logged.id(), logged.type(), logged.subject(), logged.time(),
                new KpiRegion(logged.bureau(), logged.prefecture(), logged.cluster()), logged.data(),
                logged.topic(), logged.partition(), logged.offset());
    }
}
