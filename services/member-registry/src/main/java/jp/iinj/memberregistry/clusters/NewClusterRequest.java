package jp.iinj.memberregistry.clusters;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import jp.iinj.httpapi.core.validation.FreeText;

/**
 * What an administrator sends to add a cluster to the catalogue. Only these fields bind.
 *
 * @param name        the Japanese name, e.g. 首都圏西部ネットワーク支援活動
 * @param englishName optional
 * @param bureau      a regional bureau id: hokkaido, tohoku, kanto, chubu, kinki, chugoku, shikoku, kyushu, okinawa
 * @param active      optional, {@code true} when absent
 */
public record NewClusterRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        @FreeText(max = ClusterContent.MAX_NAME, required = true) String name,
        @FreeText(max = ClusterContent.MAX_NAME) String englishName,
        @NotNull ClusterProgramme programme,
        @Schema(description = "a regional bureau id (contracts/regions): hokkaido, tohoku, kanto, chubu, kinki, "
                + "chugoku, shikoku, kyushu, okinawa")
        @NotBlank @Size(max = 20) String bureau,
        Boolean active) {

    ClusterContent content() {
        return ClusterContent.checked(name, englishName, programme, bureau, active == null || active);
    }
}
