package jp.iinj.memberregistry.clusters;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import jp.iinj.httpapi.core.validation.FreeText;

/**
 * Every editable field of a cluster, replacing the current ones ({@code PUT}). {@code active} is required so that
 * leaving it out cannot silently reactivate a deactivated cluster; leaving out {@code englishName} removes it.
 */
public record ClusterReplacement(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        @FreeText(max = ClusterContent.MAX_NAME, required = true) String name,
        @FreeText(max = ClusterContent.MAX_NAME) String englishName,
        @NotNull ClusterProgramme programme,
        @Schema(description = "a regional bureau id (contracts/regions): hokkaido, tohoku, kanto, chubu, kinki, "
                + "chugoku, shikoku, kyushu, okinawa")
        @NotBlank @Size(max = 20) String bureau,
        @NotNull Boolean active) {

    ClusterContent content() {
        return ClusterContent.checked(name, englishName, programme, bureau, active);
    }
}
