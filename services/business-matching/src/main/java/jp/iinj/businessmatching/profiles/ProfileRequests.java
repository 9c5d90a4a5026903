package jp.iinj.businessmatching.profiles;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import jp.iinj.contracts.matching.ProfileType;

/** The bodies of the profile API that are not the content itself. */
public final class ProfileRequests {

    private ProfileRequests() {
    }

    /**
     * A new draft for a member: by its people, or by a coordinator of its bureau for it.
     *
     * @param memberId the member the profile belongs to
     */
    public record NewDraft(
            @NotNull(message = "must not be null") @Pattern(regexp = "^[A-Za-z0-9_-]{1,64}$", message = "not a member id")
            String memberId,
            @NotNull(message = "must not be null") ProfileType type,
            @NotNull(message = "must not be null") @Valid ProfileInput content) {
    }

    /** A member's profiles, newest first. */
    public record ProfileList(List<ProfileResponse> items) {
    }
}
