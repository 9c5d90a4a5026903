package jp.iinj.portal.coordination;

import java.util.List;
import java.util.Map;

/** Coordination's answers as its API gives them, and the people of its pages. */
final class CoordinationFixtures {

    static final String CASE_ID = "c-1";
    static final String KANTO_COORDINATOR_ID = "0b6a1d2e-1111-4a4a-9b9b-000000000001";
    static final String OTHER_COORDINATOR_ID = "0b6a1d2e-2222-4a4a-9b9b-000000000002";

    private CoordinationFixtures() {
    }

    static Map<String, Object> coordinator() {
        return Map.of("sub", "coord-1", "name", "調整 次郎", "email", "coord@example.jp",
                "roles", List.of("COORDINATOR"), "member_ids", List.of(), "bureaus", List.of("kanto"));
    }

    /** A case as its coordinator (and regional bodies) see it: with the reason in words and the notes. */
    static String caseJson(String status, String stage, String closing, long revision, boolean overdue) {
        return """
                {"id":"%s","matchId":"m-i-7","status":"%s","stage":%s,
                 "owner":{"memberId":"3f0c","profileId":"p-1","bureau":"kanto","prefectureCode":"13"},
                 "interested":{"memberId":"9a1b","profileId":"p-9","bureau":"kinki","prefectureCode":"27"},
                 "technologyFields":["metal-processing"],"bureaus":["kanto","kinki"],
                 "assignment":{"coordinatorId":"%s","coordinatorName":"調整 次郎","bureau":"kanto","code":"expertise",
                   "reason":{"ja":"技術分野が最も重なる（1: 金属加工）","en":"Greatest overlap with the case's technology fields (1: metal processing)."},
                   "assignedAt":"2026-12-01T01:00:00Z"},
                 "acceptanceDueAt":"2026-12-03T15:00:00Z","firstContactDueAt":"2026-12-15T15:00:00Z",
                 "nextDueAt":"2026-12-03T15:00:00Z","overdue":%s,
                 "acceptedAt":%s,
                 "stagesReached":{"firstContactAt":%s,"introductionMadeAt":null,"negotiatingAt":null},
                 "closing":%s,"declinations":[],
                 "notes":[{"id":"n-1","author":"coord-1","at":"2026-12-02T02:00:00Z","text":"両者に電話しました。"}],
                 "agreedAt":"2026-12-01T00:00:00Z","openedAt":"2026-12-01T01:00:00Z","updatedAt":"2026-12-02T02:00:00Z",
                 "revision":%d}"""
                .formatted(CASE_ID, status, stage == null ? "null" : "\"" + stage + "\"", KANTO_COORDINATOR_ID, overdue,
                        "ASSIGNED".equals(status) ? "null" : "\"2026-12-02T00:00:00Z\"",
                        stage == null ? "null" : "\"2026-12-02T03:00:00Z\"", closing == null ? "null" : closing, revision);
    }

    static String list(String... cases) {
        return "{\"items\":[" + String.join(",", cases) + "]}";
    }

    static String rosterEntry(String id, String name, boolean active) {
        return """
                {"id":"%s","subject":"subject-%s","name":"%s","bureaus":["kanto"],"prefectures":[],
                 "technologyFields":["metal-processing"],"jsicDivisions":["E"],"languages":["ja","en"],"capacity":10,
                 "availability":{"status":"ACTIVE"},"active":%s,"revision":4}""".formatted(id, id.substring(0, 4), name, active);
    }
}
