package jp.iinj.coordination.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.httpapi.core.access.PlatformPrincipal;

class RosterAccessTest {

    private static final Coordinator KANTO_AND_TOHOKU = Coordinator.rostered("c1", "sub-1",
            new RosterEntry("名前", List.of("kanto", "tohoku"), List.of(), List.of(), List.of(), List.of("ja"), 5,
                    Availability.active()), "admin", Instant.EPOCH);

    private static PlatformPrincipal person(String subject, Set<PlatformRole> roles, Set<String> bureaus) {
        return new PlatformPrincipal(subject, roles, Set.of(), bureaus, true);
    }

    @Test
    void administratorsSeeAndMaintainEveryEntry() {
        var admin = person("admin", Set.of(PlatformRole.ADMIN), Set.of());

        assertThat(RosterAccess.maySee(admin, KANTO_AND_TOHOKU)).isTrue();
        assertThat(RosterAccess.mayMaintain(admin, KANTO_AND_TOHOKU.bureaus())).isTrue();
        assertThat(RosterAccess.listView(admin)).isEqualTo(RosterAccess.RosterView.WHOLE);
    }

    @Test
    void aRegionalBodySeesEntriesTouchingItsBureausAndMaintainsThoseWhollyInThem() {
        var kanto = person("rb", Set.of(PlatformRole.REGIONAL_BODY), Set.of("kanto"));
        var kantoAndTohoku = person("rb2", Set.of(PlatformRole.REGIONAL_BODY), Set.of("kanto", "tohoku"));
        var kinki = person("rb3", Set.of(PlatformRole.REGIONAL_BODY), Set.of("kinki"));

        assertThat(RosterAccess.maySee(kanto, KANTO_AND_TOHOKU)).isTrue();
        assertThat(RosterAccess.mayMaintain(kanto, KANTO_AND_TOHOKU.bureaus())).isFalse();
        assertThat(RosterAccess.mayMaintain(kantoAndTohoku, KANTO_AND_TOHOKU.bureaus())).isTrue();
        assertThat(RosterAccess.maySee(kinki, KANTO_AND_TOHOKU)).isFalse();
        assertThat(RosterAccess.listView(kanto)).isEqualTo(RosterAccess.RosterView.OWN_BUREAUS);
    }

    @Test
    void aCoordinatorSeesTheirOwnEntryOnlyAndMaintainsNothing() {
        var self = person("sub-1", Set.of(PlatformRole.COORDINATOR), Set.of("kanto"));
        var colleague = person("sub-2", Set.of(PlatformRole.COORDINATOR), Set.of("kanto"));

        assertThat(RosterAccess.maySee(self, KANTO_AND_TOHOKU)).isTrue();
        assertThat(RosterAccess.maySee(colleague, KANTO_AND_TOHOKU)).isFalse();
        assertThat(RosterAccess.mayMaintain(self, List.of("kanto"))).isFalse();
        assertThat(RosterAccess.listView(self)).isEqualTo(RosterAccess.RosterView.OWN_ENTRY);
    }

    @Test
    void membersAndRegionalBodiesWithoutABureauSeeNothing() {
        var member = new PlatformPrincipal("m", Set.of(PlatformRole.MEMBER), Set.of("org-1"), Set.of(), true);
        var noBureau = person("rb", Set.of(PlatformRole.REGIONAL_BODY), Set.of());

        assertThat(RosterAccess.maySee(member, KANTO_AND_TOHOKU)).isFalse();
        assertThat(RosterAccess.mayMaintain(member, List.of("kanto"))).isFalse();
        assertThat(RosterAccess.listView(member)).isEqualTo(RosterAccess.RosterView.NONE);
        assertThat(RosterAccess.listView(noBureau)).isEqualTo(RosterAccess.RosterView.NONE);
        assertThat(RosterAccess.mayMaintain(noBureau, List.of())).isFalse();
    }
}
