package jp.iinj.portal.matching;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A member's inbox as business matching answers: the latest notifications and how many are unread. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MatchingInbox(List<Item> items, long unread) {

    public MatchingInbox {
        items = items == null ? List.of() : items;
    }

    /** @param link a page of this portal ({@code /matching/...}) */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(String id, String kind, String link, Instant at, boolean read) {

        /** Only the portal's own matching pages are linked: a link is never taken for an address elsewhere. */
        public boolean linkable() {
            return link != null && link.startsWith("/matching") && !link.startsWith("//");
        }
    }
}
