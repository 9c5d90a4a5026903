package jp.iinj.businessmatching.interests;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import jp.iinj.contracts.matching.DeclineReason;
import jp.iinj.httpapi.core.validation.FreeText;

/** The bodies of the expressions-of-interest API. */
public final class InterestRequests {

    private static final String ID = "^[A-Za-z0-9_~-]{1,140}$";

    private InterestRequests() {
    }

    /**
     * A member's interest in a profile, from a search or a proposal.
     *
     * @param memberId   the interested member (the caller acts for it)
     * @param proposalId the proposal it answers, if any: then the member's own profile in it goes with the interest
     * @param message    why: shown to the profile's owner only
     */
    public record Express(
            @NotNull(message = "must not be null") @Pattern(regexp = ID, message = "not an id") String memberId,
            @NotNull(message = "must not be null") @Pattern(regexp = ID, message = "not an id") String profileId,
            @Pattern(regexp = ID, message = "not an id") String proposalId,
            @FreeText(max = 2000, required = true, multiLine = true) String message) {
    }

    /**
     * The owner's no, with a reason code the other side sees, and optionally a few words for it.
     */
    public record Decline(
            @NotNull(message = "must not be null") DeclineReason reason,
            @FreeText(max = 1000, multiLine = true) String note) {
    }
}
