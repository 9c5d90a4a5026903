package jp.iinj.eventfeeds.kpis;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** How far the live projection has read the feed log: a {@code FeedCursor}, encoded. */
@Document(KpiProgress.COLLECTION)
record KpiProgress(@Id String id, String cursor) {

    static final String COLLECTION = "kpi_progress";
    static final String LIVE = "live";
}
