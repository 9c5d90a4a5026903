package jp.iinj.eventing.cloudevents;

import java.util.LinkedHashMap;
import java.util.Map;

import jp.iinj.contracts.regions.Prefecture;
import jp.iinj.contracts.topics.CloudEventAttributes;

/**
 * Where an event happened, carried as CloudEvents extension attributes so that regional feeds can filter without
 * reading payloads. Every part is optional.
 */
public record EventRegion(String bureau, String prefecture, String cluster) {

    public static EventRegion none() {
        return new EventRegion(null, null, null);
    }

    public static EventRegion of(Prefecture prefecture) {
        return new EventRegion(prefecture.bureau().id(), prefecture.jisCode(), null);
    }

    public EventRegion withCluster(String clusterId) {
        return new EventRegion(bureau, prefecture, clusterId);
    }

    public Map<String, String> asExtensionAttributes() {
        Map<String, String> extensions = new LinkedHashMap<>();
        if (bureau != null) {
            extensions.put(CloudEventAttributes.BUREAU, bureau);
        }
        if (prefecture != null) {
            extensions.put(CloudEventAttributes.PREFECTURE, prefecture);
        }
        if (cluster != null) {
            extensions.put(CloudEventAttributes.CLUSTER, cluster);
        }
        return extensions;
    }
}
