package jp.iinj.memberregistry.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import jp.iinj.contracts.regions.RegionalBureau;
import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.httpapi.core.problems.InvalidField;

class ClusterTest {

    @Test
    void namesThatDifferOnlyInWidthCaseOrSpacingAreTheSameName() {
        assertThat(Cluster.normalised("ＴＡＭＡ　協会")).isEqualTo(Cluster.normalised("tama 協会"));
        assertThat(Cluster.normalised("  TAMA  協会 ")).isEqualTo("tama 協会");
        assertThat(Cluster.normalised("ｸﾗｽﾀｰ")).isEqualTo("クラスター");
        assertThat(Cluster.normalised("北海道 IT")).isNotEqualTo(Cluster.normalised("北海道 バイオ"));
    }

    @Test
    void onlyIdsOfTheCataloguesShapeAreWellFormed() {
        assertThat(Cluster.isWellFormedId(UUID.randomUUID().toString())).isTrue();
        assertThat(Cluster.isWellFormedId(null)).isFalse();
        assertThat(Cluster.isWellFormedId("")).isFalse();
        assertThat(Cluster.isWellFormedId(UUID.randomUUID().toString().toUpperCase())).isFalse();
        assertThat(Cluster.isWellFormedId("{\"$ne\":null}")).isFalse();
        assertThat(Cluster.isWellFormedId(UUID.randomUUID() + "\n")).isFalse();
    }

    @Test
    void contentIsStrippedAndABlankEnglishNameIsNone() {
        ClusterContent content = ClusterContent.checked(" 首都圏西部 ", "  ", ClusterProgramme.REGIONAL, "kanto", true);

        assertThat(content).isEqualTo(new ClusterContent("首都圏西部", null, ClusterProgramme.REGIONAL, "kanto", true));
    }

    @Test
    void anUnknownBureauIsAFieldError() {
        assertThatThrownBy(() -> ClusterContent.checked("X", null, ClusterProgramme.REGIONAL, "Kanto", true))
                .isInstanceOfSatisfying(FieldValidationException.class, invalid -> assertThat(invalid.errors())
                        .extracting(InvalidField::field).containsExactly("bureau"));
    }

    @Test
    void aListingShowsActiveClustersUnlessAskedOtherwise() {
        assertThat(ClusterFilter.of(null, null, null)).isEqualTo(ClusterFilter.ACTIVE);
        assertThat(ClusterFilter.of("MEXT_CITY_AREA", "kyushu", "all")).isEqualTo(new ClusterFilter(
                Optional.of(ClusterProgramme.MEXT_CITY_AREA), Optional.of(RegionalBureau.KYUSHU), Optional.empty()));
        assertThat(ClusterFilter.of(null, null, "false").active()).contains(false);
    }

    @Test
    void aListingRefusesValuesItDoesNotKnow() {
        assertThatThrownBy(() -> ClusterFilter.of("meti_industrial_cluster", "Tokyo", "yes"))
                .isInstanceOfSatisfying(FieldValidationException.class, invalid -> assertThat(invalid.errors())
                        .extracting(InvalidField::field).containsExactly("programme", "bureau", "active"));
    }
}
