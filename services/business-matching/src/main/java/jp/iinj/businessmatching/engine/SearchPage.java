package jp.iinj.businessmatching.engine;

import java.util.List;

/**
 * One page of search hits, best first.
 *
 * @param next the cursor of the next page, or null on the last
 */
public record SearchPage(List<Hit> hits, String next) {

    /** A matching profile and how well it matches the keywords (0 without keywords). */
    public record Hit(String profileId, double relevance) {
    }
}
