package jp.iinj.memberregistry.search;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One page of a list.
 *
 * @param nextCursor send it back as {@code cursor}, with the same filters and sort, for the next page; {@code null}
 *                   on the last page
 */
public record OrganisationPage(
        List<OrganisationSummary> items,
        @Schema(types = {"string", "null"}) String nextCursor) {
}
