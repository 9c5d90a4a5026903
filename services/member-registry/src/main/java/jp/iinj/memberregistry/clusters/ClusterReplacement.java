package jp.iinj.memberregistry.clusters;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Every editable field of a cluster, replacing the current ones ({@code PUT}). {@code active} is required so that
 * leaving it out cannot silently reactivate a deactivated cluster; leaving out {@code englishName} removes it.
 */
public record ClusterReplacement(
        @NotBlank @Size(max = 200) @Pattern(regexp = ClusterContent.PRINTABLE,
                message = ClusterContent.PRINTABLE_MESSAGE)
        String name,
        @Size(max = 200) @Pattern(regexp = ClusterContent.PRINTABLE,
                message = ClusterContent.PRINTABLE_MESSAGE)
        String englishName,
        @NotNull ClusterProgramme programme,
        @Schema(description = "a regional bureau id (contracts/regions): hokkaido, tohoku, kanto, chubu, kinki, "
                + "chugoku, shikoku, kyushu, okinawa")
        @NotBlank @Size(max = 20) String bureau,
        @NotNull Boolean active) {

    ClusterContent content() {
        return ClusterContent.checked(name, englishName, programme, bureau, active);
    }
}
