package jp.iinj.memberregistry.search;

import java.util.List;

/**
 * One page of a list.
 *
 * @param nextCursor send it back as {@code cursor}, with the same filters and sort, for the next page; {@code null}
 *                   on the last page
 */
public record OrganisationPage(List<OrganisationSummary> items, String nextCursor) {
}
