package jp.iinj.endtoend.support;

import static jp.iinj.endtoend.support.AccessMatrix.everyone;
import static jp.iinj.endtoend.support.AccessMatrix.expect;
import static jp.iinj.endtoend.support.AccessMatrix.others;
import static jp.iinj.endtoend.support.AccessMatrix.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;

import org.junit.jupiter.api.Test;

class AccessMatrixTest {

    @Test
    void a_row_names_every_actor() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> row("GET /x", expect(Actor.ANONYMOUS, 401), expect(Actor.ADMIN, 200)))
                .withMessageContaining("no expectation for").withMessageContaining("MEMBER_A");
    }

    @Test
    void others_fills_the_actors_not_named() {
        AccessMatrix.Row row = row("GET /x", expect(Actor.ANONYMOUS, 401), others(403));
        assertThat(row.expected()).hasSize(Actor.values().length).containsEntry(Actor.ANONYMOUS, 401).containsEntry(Actor.ADMIN, 403);
        assertThat(row("GET /y", everyone(200)).expected().values()).containsOnly(200);
    }

    @Test
    void an_actor_named_twice_or_others_not_last_is_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> row("GET /x", expect(Actor.ADMIN, 200), expect(Actor.ADMIN, 403), others(1)));
        assertThatIllegalArgumentException().isThrownBy(() -> row("GET /x", others(403), expect(Actor.ADMIN, 200)));
        assertThatIllegalArgumentException().isThrownBy(() -> row("/x", everyone(200)));
    }

    @Test
    void one_cell_per_actor_with_placeholders_resolved() {
        AccessMatrix.Row row = row("POST /orgs/{A}/approval", "{\"email\":\"{NEW_EMAIL}\",\"id\":\"{A}\"}", everyone(200));
        assertThat(row.placeholders()).containsExactly("A", "NEW_EMAIL");
        AccessMatrix.Cell cell = AccessMatrix.cells(row).filter(c -> c.actor() == Actor.MEMBER_B).findFirst().orElseThrow();
        Map<String, String> values = Map.of("A", "id-1", "NEW_EMAIL", "x@example.jp");
        assertThat(cell.path(values)).isEqualTo("/orgs/id-1/approval");
        assertThat(cell.body(values)).isEqualTo("{\"email\":\"x@example.jp\",\"id\":\"id-1\"}");
        assertThat(AccessMatrix.cells(row)).hasSize(Actor.values().length);
    }

    @Test
    void headers_may_carry_placeholders_too_and_name_the_row() {
        AccessMatrix.Row row = row("PUT /orgs/{A}/profile", "{}", everyone(412)).withHeader("If-Match", "{ETAG_OF_A}");
        assertThat(row.placeholders()).containsExactly("A", "ETAG_OF_A");
        assertThat(row).hasToString("PUT /orgs/{A}/profile [If-Match: {ETAG_OF_A}]");
        AccessMatrix.Cell cell = AccessMatrix.cells(row).findFirst().orElseThrow();
        assertThat(cell.headers(Map.of("A", "id-1", "ETAG_OF_A", "\"3\""))).containsExactly(Map.entry("If-Match", "\"3\""));
        assertThat(row.expected()).hasSize(Actor.values().length);
    }
}
