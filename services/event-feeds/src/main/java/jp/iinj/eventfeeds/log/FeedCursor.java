package jp.iinj.eventfeeds.log;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import jp.iinj.httpapi.core.problems.FieldValidationException;

/**
 * How far a reader has read the feed log: the last offset it saw in each partition. Opaque to clients (base64url);
 * the same string resumes a pull, a stream ({@code Last-Event-ID}) or a replay. Offsets only grow within a partition,
 * so resuming from a cursor neither misses nor repeats an event.
 */
public record FeedCursor(Map<String, Long> lastOffsets) {

    /** Partitions a cursor may name; far more than the platform's public topics have. */
    static final int MAX_PARTITIONS = 256;
    private static final Pattern ENTRY = Pattern.compile("^[a-z0-9.-]{1,120}:\\d{1,5}=\\d{1,19}$");

    public static final FeedCursor START = new FeedCursor(Map.of());

    public FeedCursor {
        lastOffsets = Map.copyOf(new TreeMap<>(lastOffsets));
    }

    /** The reader's position after {@code event}. */
    public FeedCursor after(FeedEvent event) {
        Map<String, Long> next = new TreeMap<>(lastOffsets);
        next.merge(partitionOf(event.topic(), event.partition()), event.offset(), Math::max);
        return new FeedCursor(next);
    }

    public static String partitionOf(String topic, int partition) {
        return topic + ":" + partition;
    }

    /** The cursor a client sent back, or {@link #START} for none. */
    public static FeedCursor parse(String encoded, String field) {
        if (encoded == null || encoded.isEmpty()) {
            return START;
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw new FieldValidationException(field, "not a cursor this feed gave out");
        }
        Map<String, Long> offsets = new TreeMap<>();
        if (!text.isEmpty()) {
            String[] entries = text.split(",", -1);
            if (entries.length > MAX_PARTITIONS) {
                throw new FieldValidationException(field, "not a cursor this feed gave out");
            }
            for (String entry : entries) {
                if (!ENTRY.matcher(entry).matches()) {
                    throw new FieldValidationException(field, "not a cursor this feed gave out");
                }
                int equals = entry.lastIndexOf('=');
                try {
                    offsets.put(entry.substring(0, equals), Long.parseLong(entry.substring(equals + 1)));
                } catch (NumberFormatException tooLarge) {
                    throw new FieldValidationException(field, "not a cursor this feed gave out");
                }
            }
        }
        return new FeedCursor(offsets);
    }

    public String encoded() {
        StringBuilder text = new StringBuilder();
        lastOffsets.forEach((partition, offset) -> {
            if (!text.isEmpty()) {
                text.append(',');
            }
            text.append(partition).append('=').append(offset);
        });
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
