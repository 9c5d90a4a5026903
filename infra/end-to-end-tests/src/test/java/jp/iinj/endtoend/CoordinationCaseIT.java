package jp.iinj.endtoend;

import static jp.iinj.endtoend.support.Actor.REGIONAL_BODY_KANTO;
import static jp.iinj.endtoend.support.Coordination.CASES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import jp.iinj.endtoend.support.Actors;
import jp.iinj.endtoend.support.Answer;
import jp.iinj.endtoend.support.Coordination;
import jp.iinj.endtoend.support.EndToEndTest;
import jp.iinj.endtoend.support.FrontDoor;
import jp.iinj.endtoend.support.Json;

/**
 * A coordination case as its people live it, through the gateway only, in the Hokkaido bureau (which no other test
 * staffs, so the rules' choice is this test's): the bureau's regional body puts two coordinators on the roster, one
 * expert in the profile's field; two Hokkaido members agree a match; the case opens assigned to the expert, who
 * accepts it, moves it through first contact, introduction and negotiation, notes and closes it with an agreement;
 * business matching then shows the outcome on the match to both members. A declined case goes to the other
 * coordinator, and the regional body moves it by hand.
 */
@EndToEndTest
class CoordinationCaseIT {

    private static final String BUREAU = "hokkaido";
    private static final String HOKKAIDO = "01";

    private static Actors actors;
    private static FrontDoor frontDoor;
    private static Coordination coordination;
    private static Actors.Person regionalBody;
    private static Actors.Person expert;
    private static Actors.Person colleague;
    private static Actors.Person owner;
    private static Actors.Person interested;
    private static String expertId;
    private static String colleagueId;

    @BeforeAll
    static void theBureauItsRosterAndItsMembers(Actors setUp) {
        actors = setUp;
        frontDoor = setUp.frontDoor();
        coordination = setUp.coordination();
        regionalBody = actors.newStaff("E2E 北海道経済産業局", "REGIONAL_BODY", BUREAU);
        expert = actors.newStaff("E2E 北海 一郎", "COORDINATOR", BUREAU);
        colleague = actors.newStaff("E2E 北海 二郎", "COORDINATOR", BUREAU);
        // the bureau's regional body keeps its own roster
        expertId = coordination.rostered(regionalBody.token(), expert.subject(), "E2E 北海 一郎", List.of(BUREAU),
                List.of(Coordination.TECHNOLOGY_FIELD));
        colleagueId = coordination.rostered(regionalBody.token(), colleague.subject(), "E2E 北海 二郎",
                List.of(BUREAU), List.of("textiles"));
        owner = actors.newMember("E2E 札幌精工株式会社", HOKKAIDO, regionalBody.token());
        interested = actors.newMember("E2E 旭川製作所株式会社", HOKKAIDO, regionalBody.token());
    }

    @Test
    void a_case_runs_from_the_agreed_match_to_its_outcome_on_the_match_of_both_members() {
        Coordination.AgreedMatch match = coordination.agreed(owner.token(), owner.memberId(), interested.token(),
                interested.memberId());

        // opened and assigned at once, to the coordinator whose expertise the case shares
        JsonNode opened = coordination.awaitCase(match.matchId(), owner.token());
        String caseId = opened.path("id").asString();
        assertThat(opened.path("status").asString()).as("%s", opened).isEqualTo("ASSIGNED");
        assertThat(opened.path("bureaus").get(0).asString()).isEqualTo(BUREAU);
        assertThat(opened.path("assignment").path("coordinatorId").asString()).as("%s", opened).isEqualTo(expertId);
        Answer asExpert = frontDoor.get(CASES + "/" + caseId, expert.token());
        assertThat(asExpert.status()).as("%s", asExpert).isEqualTo(200);
        assertThat(asExpert.json().path("assignment").path("code").asString()).isEqualTo("expertise");
        assertThat(asExpert.json().path("acceptanceDueAt").isNull()).as("acceptance due: %s", asExpert).isFalse();
        assertThat(Coordination.caseIds(frontDoor.get(CASES, expert.token()))).contains(caseId);
        assertThat(frontDoor.get(CASES + "/" + caseId, colleague.token()).status()).as("the colleague").isEqualTo(404);

        // told in their inboxes: the expert of the assignment, both members of the opening; nobody else
        String link = "/coordination/cases/" + caseId;
        awaitInInbox(expert, "case-assigned", link);
        awaitInInbox(owner, "case-opened", link);
        awaitInInbox(interested, "case-opened", link);
        assertThat(inbox(colleague.token()).findValuesAsString("link")).as("the colleague's inbox").doesNotContain(link);
        assertThat(inbox(actors.token(REGIONAL_BODY_KANTO)).findValuesAsString("link")).as("the Kanto inbox")
                .doesNotContain(link);

        // accepted with the version read
        Answer accepted = frontDoor.send("POST", CASES + "/" + caseId + "/acceptance", expert.token(), null,
                Map.of("If-Match", asExpert.header("ETag").orElseThrow()));
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(200);
        assertThat(accepted.json().path("status").asString()).isEqualTo("ACCEPTED");

        // the stages, forward only
        for (String stage : List.of("FIRST_CONTACT", "INTRODUCTION_MADE", "NEGOTIATING")) {
            Answer moved = frontDoor.post(CASES + "/" + caseId + "/stage", expert.token(),
                    "{\"stage\":\"" + stage + "\"}");
            assertThat(moved.status()).as("%s", moved).isEqualTo(200);
            assertThat(moved.json().path("stage").asString()).isEqualTo(stage);
        }
        Answer backwards = frontDoor.post(CASES + "/" + caseId + "/stage", expert.token(),
                "{\"stage\":\"FIRST_CONTACT\"}");
        assertThat(backwards.status()).as("%s", backwards).isEqualTo(409);
        assertThat(backwards.isProblem()).isTrue();
        JsonNode reached = coordination.read(caseId, expert.token()).path("stagesReached");
        assertThat(List.of(reached.path("firstContactAt"), reached.path("introductionMadeAt"),
                reached.path("negotiatingAt"))).as("%s", reached).noneMatch(JsonNode::isNull);

        // a note, then the close with an agreement and its reason
        Answer noted = frontDoor.post(CASES + "/" + caseId + "/notes", expert.token(),
                Json.write(Map.of("text", "E2E: 双方が試作条件に合意。\n契約書は来週送付。")));
        assertThat(noted.status()).as("%s", noted).isEqualTo(201);
        assertThat(noted.json().path("notes").findValuesAsString("text"))
                .contains("E2E: 双方が試作条件に合意。\n契約書は来週送付。");
        Answer closed = frontDoor.post(CASES + "/" + caseId + "/closure", expert.token(),
                Json.write(Map.of("outcome", "AGREEMENT_REACHED", "reason", "E2E: 試作委託契約を締結")));
        assertThat(closed.status()).as("%s", closed).isEqualTo(200);
        assertThat(closed.json().path("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.json().path("closing").path("outcome").asString()).isEqualTo("AGREEMENT_REACHED");
        assertThat(closed.json().path("closing").path("reason").asString()).isEqualTo("E2E: 試作委託契約を締結");
        assertThat(Coordination.caseIds(frontDoor.get(CASES, expert.token()))).as("open cases only")
                .doesNotContain(caseId);

        // the members read the outcome on the case, without its reason in words ...
        JsonNode asMember = coordination.read(caseId, interested.token());
        assertThat(asMember.path("closing").path("outcome").asString()).isEqualTo("AGREEMENT_REACHED");
        assertThat(asMember.path("closing").path("reason").isNull()).as("%s", asMember).isTrue();
        assertThat(asMember.path("notes").isNull()).as("%s", asMember).isTrue();
        // ... and on the match, once business matching has read case-closed
        for (Actors.Person side : List.of(owner, interested)) {
            JsonNode onTheMatch = await("the outcome on match " + match.matchId()).atMost(Duration.ofSeconds(60))
                    .until(() -> frontDoor.get("/api/matching/interests/" + match.interestId(), side.token()),
                            read -> read.status() == 200 && !read.json().path("outcome").isNull()
                                    && !read.json().path("outcome").isMissingNode())
                    .json();
            assertThat(onTheMatch.path("matchId").asString()).isEqualTo(match.matchId());
            assertThat(onTheMatch.path("outcome").asString()).as("%s", onTheMatch).isEqualTo("AGREEMENT_REACHED");
        }
    }

    /** The items of the caller's case inbox. */
    private static JsonNode inbox(String token) {
        Answer read = frontDoor.get("/api/coordination/inbox", token);
        assertThat(read.status()).as("%s", read).isEqualTo(200);
        return read.json().path("items");
    }

    private static void awaitInInbox(Actors.Person person, String kind, String link) {
        await(kind + " " + link + " in an inbox").atMost(Duration.ofSeconds(60)).until(() -> {
            for (JsonNode item : inbox(person.token())) {
                if (kind.equals(item.path("kind").asString()) && link.equals(item.path("link").asString())) {
                    return true;
                }
            }
            return false;
        });
    }

    @Test
    void a_declined_case_goes_to_the_next_coordinator_and_the_bureau_moves_it_by_hand() {
        Coordination.AgreedMatch match = coordination.agreed(owner.token(), owner.memberId(), interested.token(),
                interested.memberId());
        JsonNode opened = coordination.awaitCase(match.matchId(), interested.token());
        String caseId = opened.path("id").asString();
        assertThat(opened.path("assignment").path("coordinatorId").asString()).as("%s", opened).isEqualTo(expertId);

        // the expert declines: the case goes to the next best in the same write, and is no longer theirs to see
        Answer declined = frontDoor.post(CASES + "/" + caseId + "/decline", expert.token(),
                Json.write(Map.of("reason", "CONFLICT_OF_INTEREST", "note", "E2E: 旭川製作所の顧問を務めている")));
        assertThat(declined.status()).as("%s", declined).isEqualTo(204);
        assertThat(frontDoor.get(CASES + "/" + caseId, expert.token()).status()).as("the expert").isEqualTo(404);
        JsonNode withColleague = coordination.read(caseId, colleague.token());
        assertThat(withColleague.path("status").asString()).isEqualTo("ASSIGNED");
        assertThat(withColleague.path("assignment").path("coordinatorId").asString()).isEqualTo(colleagueId);
        assertThat(withColleague.path("declinations").findValuesAsString("coordinatorId")).containsExactly(expertId);
        assertThat(Coordination.caseIds(frontDoor.get(CASES, colleague.token()))).contains(caseId);
        awaitInInbox(colleague, "case-assigned", "/coordination/cases/" + caseId);

        // by hand: neither the coordinator nor another bureau's regional body, but this bureau's
        Answer byColleague = frontDoor.post(CASES + "/" + caseId + "/reassignment", colleague.token(),
                Json.write(Map.of("to", "COORDINATOR", "coordinatorId", expertId)));
        assertThat(byColleague.status()).as("%s", byColleague).isEqualTo(403);
        Answer byKanto = frontDoor.post(CASES + "/" + caseId + "/reassignment", actors.token(REGIONAL_BODY_KANTO),
                Json.write(Map.of("to", "COORDINATOR", "coordinatorId", expertId)));
        assertThat(byKanto.status()).as("%s", byKanto).isEqualTo(404);
        JsonNode moved = coordination.reassigned(caseId, regionalBody.token(), expertId,
                "E2E: 顧問契約は先月終了したと確認");
        assertThat(moved.path("assignment").path("coordinatorId").asString()).isEqualTo(expertId);
        assertThat(moved.path("assignment").path("code").asString()).isEqualTo("manual");
        assertThat(moved.path("assignment").path("assignedBy").asString()).isEqualTo(regionalBody.subject());
        assertThat(frontDoor.get(CASES + "/" + caseId, colleague.token()).status()).as("the colleague").isEqualTo(404);
        assertThat(Coordination.caseIds(frontDoor.get(CASES, expert.token()))).contains(caseId);

        // the bureau's load counts it against the expert
        Answer load = frontDoor.get(CASES + "/workload/" + BUREAU, regionalBody.token());
        assertThat(load.status()).as("%s", load).isEqualTo(200);
        JsonNode expertsLoad = null;
        for (JsonNode entry : load.json().path("coordinators")) {
            if (expertId.equals(entry.path("coordinatorId").asString())) {
                expertsLoad = entry;
            }
        }
        assertThat(expertsLoad).as("the expert in %s", load).isNotNull();
        assertThat(expertsLoad.path("open").asInt()).isGreaterThanOrEqualTo(1);
    }
}
