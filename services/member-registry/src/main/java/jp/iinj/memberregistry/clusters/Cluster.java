package jp.iinj.memberregistry.clusters;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A cluster of the catalogue, maintained by administrators. Member organisations refer to it by {@link #id}; a
 * deactivated cluster stays readable, so that affiliations recorded earlier keep their meaning.
 *
 * @param normalisedName the name as the uniqueness index compares it: the same cluster cannot be created twice
 *                       under one programme and bureau by differing only in width, case or spacing
 * @param bureau         a {@link jp.iinj.contracts.regions.RegionalBureau} id
 * @param revision       0 when created, +1 with every change; updates are guarded by it ({@code ETag})
 */
@Document(Cluster.COLLECTION)
@CompoundIndex(name = "programme_bureau_name", unique = true,
        def = "{'programme': 1, 'bureau': 1, 'normalisedName': 1}")
public record Cluster(
        @Id String id,
        String name,
        String normalisedName,
        String englishName,
        ClusterProgramme programme,
        String bureau,
        boolean active,
        long revision,
        Instant createdAt,
        Instant updatedAt) {

    public static final String COLLECTION = "clusters";

    private static final Pattern ID = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    static Cluster created(ClusterContent content, Instant now) {
        return new Cluster(UUID.randomUUID().toString(), content.name(), normalised(content.name()),
                content.englishName(), content.programme(), content.bureau(), content.active(), 0, now, now);
    }

    /** Whether {@code candidate} has the shape of an id this catalogue hands out; nothing else is ever looked up. */
    public static boolean isWellFormedId(String candidate) {
        return candidate != null && ID.matcher(candidate).matches();
    }

    /** NFKC (full-width Latin and digits, half-width kana, ideographic space), lower case, white space runs as one space. */
    static String normalised(String name) {
        String compatible = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return WHITESPACE.matcher(compatible).replaceAll(" ").strip();
    }

    ClusterContent content() {
        return new ClusterContent(name, englishName, programme, bureau, active);
    }
}
