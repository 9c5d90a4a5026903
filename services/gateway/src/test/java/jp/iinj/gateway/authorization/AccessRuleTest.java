package jp.iinj.gateway.authorization;

import jp.iinj.contracts.access.PlatformRole;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AccessRuleTest {

    @Test
    void anonymousAuthenticatedAndRoles() {
        assertThat(new AccessRule(List.of("/a/**"), null, List.of("anonymous")).isAnonymous()).isTrue();
        assertThat(new AccessRule(List.of("/a/**"), List.of("get"), List.of("authenticated")).isAuthenticated()).isTrue();
        AccessRule roles = new AccessRule(List.of("/a/**"), List.of("POST"), List.of("ADMIN", " COORDINATOR"));
        assertThat(roles.roles()).containsExactly(PlatformRole.ADMIN, PlatformRole.COORDINATOR);
        assertThat(roles.methods()).containsExactly("POST");
    }

    @Test
    void typosFailAtStartUpNotAtRequestTime() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AccessRule(List.of("/a"), null, List.of("ADMINS")))
                .withMessageContaining("unknown role 'ADMINS'");
        assertThatIllegalArgumentException().isThrownBy(() -> new AccessRule(List.of("/a"), null, List.of("anonymous", "ADMIN")))
                .withMessageContaining("stand alone");
        assertThatIllegalArgumentException().isThrownBy(() -> new AccessRule(List.of("/a"), List.of("FETCH"), List.of("ADMIN")))
                .withMessageContaining("unknown HTTP method FETCH");
        assertThatIllegalArgumentException().isThrownBy(() -> new AccessRule(List.of("api/**"), null, List.of("ADMIN")))
                .withMessageContaining("starting with '/'");
        assertThatIllegalArgumentException().isThrownBy(() -> new AccessRule(List.of(), null, List.of("ADMIN")));
        assertThatIllegalArgumentException().isThrownBy(() -> new AccessRule(List.of("/a"), null, List.of()));
    }
}
