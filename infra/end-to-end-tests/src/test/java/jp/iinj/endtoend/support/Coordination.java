package jp.iinj.endtoend.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Coordination's objects made as people make them, through the front door only: roster entries (an administrator or
 * the bureau's regional body), agreed matches (the owner publishes a profile, the other member expresses interest, the
 * owner accepts) and the case each agreed match opens, found as one of the two members lists their cases.
 */
public final class Coordination {

    public static final String CASES = "/api/coordination/cases";
    public static final String COORDINATORS = "/api/coordination/coordinators";
    /** The technology field of every profile published here: the cases carry it, the roster's experts share it. */
    public static final String TECHNOLOGY_FIELD = "metal-processing";
    /** A case opens when match-agreed has travelled over Kafka; a cold JVM under load needs more than a few seconds. */
    private static final Duration CASE_OPENING = Duration.ofSeconds(60);

    private final Actors actors;
    private final FrontDoor frontDoor;
    private String coordinatorRosterId;
    private Actors.Person kantoPartner;
    private Actors.Person kinkiPartner;

    Coordination(Actors actors) {
        this.actors = actors;
        this.frontDoor = actors.frontDoor();
    }

    /**
     * {@link Actor#COORDINATOR} on the roster, covering the Kanto bureau (the bureau of their token), expert in
     * {@link #TECHNOLOGY_FIELD}: put there by the administrator at the first call.
     *
     * @return their roster id
     */
    public synchronized String coordinatorOnRoster() {
        if (coordinatorRosterId == null) {
            String subject = Jwt.decode(actors.token(Actor.COORDINATOR)).subject();
            coordinatorRosterId = rosteredAlready(subject);
            if (coordinatorRosterId == null) {
                coordinatorRosterId = rostered(actors.token(Actor.ADMIN), subject, "E2E コーディネーター",
                        List.of(Actors.BUREAU), List.of(TECHNOLOGY_FIELD));
            }
        }
        return coordinatorRosterId;
    }

    /** The roster id of an active Kanto entry for this subject (another test may have put them there), or null. */
    private String rosteredAlready(String subject) {
        Answer kanto = frontDoor.get(COORDINATORS + "?bureau=" + Actors.BUREAU, actors.token(Actor.ADMIN));
        require(kanto.status() == 200, "listing the Kanto roster", kanto);
        for (JsonNode entry : kanto.json().path("items")) {
            if (subject.equals(entry.path("subject").asString())) {
                return entry.path("id").asString();
            }
        }
        return null;
    }

    /** A second organisation of the Kanto bureau (Kanagawa), approved by the Kanto regional body, its owner signed in. */
    public synchronized Actors.Person kantoPartner() {
        if (kantoPartner == null) {
            kantoPartner = actors.newMember("E2E 横浜協業株式会社", "14", actors.token(Actor.REGIONAL_BODY_KANTO));
        }
        return kantoPartner;
    }

    /** A second organisation of the Kinki bureau (Kyoto), approved by the Kinki regional body, its owner signed in. */
    public synchronized Actors.Person kinkiPartner() {
        if (kinkiPartner == null) {
            kinkiPartner = actors.newMember("E2E 京都協業株式会社", "26", actors.token(Actor.REGIONAL_BODY_OTHER));
        }
        return kinkiPartner;
    }

    /**
     * A new case of the Kanto bureau only (organisation A's profile, {@link #kantoPartner()}'s interest), assigned to
     * {@link Actor#COORDINATOR}: the only Kanto coordinator the rules can choose unless another test rostered one,
     * in which case the administrator moves it to them by hand. Read by the administrator.
     */
    public JsonNode caseOfAWithTheCoordinator() {
        String coordinator = coordinatorOnRoster();
        Actors.Person partner = kantoPartner();
        AgreedMatch match = agreed(actors.token(Actor.MEMBER_A), actors.organisationA(), partner.token(),
                partner.memberId());
        JsonNode opened = awaitCase(match.matchId(), actors.token(Actor.MEMBER_A));
        String caseId = opened.path("id").asString();
        if (!coordinator.equals(opened.path("assignment").path("coordinatorId").asString())) {
            reassigned(caseId, actors.token(Actor.ADMIN), coordinator, "E2E: 行列のコーディネーターへ");
        }
        return read(caseId, actors.token(Actor.ADMIN));
    }

    /** A new case of the Kinki bureau only ({@link Actor#MEMBER_B}'s profile, {@link #kinkiPartner()}'s interest). */
    public JsonNode caseOfB() {
        Actors.Person partner = kinkiPartner();
        AgreedMatch match = agreed(actors.token(Actor.MEMBER_B), actors.organisationB(), partner.token(),
                partner.memberId());
        return awaitCase(match.matchId(), actors.token(Actor.MEMBER_B));
    }

    /** The case as {@code token}'s holder reads it (200 required). */
    public JsonNode read(String caseId, String token) {
        Answer read = frontDoor.get(CASES + "/" + caseId, token);
        require(read.status() == 200, "reading case " + caseId, read);
        return read.json();
    }

    /** An agreed match: the interest the owner accepted and the match it became. */
    public record AgreedMatch(String interestId, String matchId) {
    }

    /**
     * Puts a person on the roster, active, in Japanese and English, capacity 20.
     *
     * @param token            an administrator's, or the regional body's of all {@code bureaus}
     * @param technologyFields their expertise
     * @return the roster id
     */
    public String rostered(String token, String subject, String name, List<String> bureaus,
                           List<String> technologyFields) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", name);
        entry.put("bureaus", bureaus);
        entry.put("prefectures", List.of());
        entry.put("technologyFields", technologyFields);
        entry.put("jsicDivisions", List.of("E"));
        entry.put("languages", List.of("ja", "en"));
        entry.put("capacity", 20);
        entry.put("availability", Map.of("status", "ACTIVE"));
        Answer added = frontDoor.post(COORDINATORS, token, Json.write(Map.of("subject", subject, "entry", entry)));
        require(added.status() == 201, "putting " + name + " on the roster", added);
        return added.json().path("id").asString();
    }

    /**
     * The owner's people publish a profile (an offer in {@link #TECHNOLOGY_FIELD}), the interested member's people
     * express interest in it and the owner's people accept: the match is agreed. Business matching learns new
     * members from their membership events, so the first steps wait until it knows them.
     */
    public AgreedMatch agreed(String ownerToken, String ownerMemberId, String interestedToken,
                              String interestedMemberId) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String draft = Json.write(Map.of("memberId", ownerMemberId, "type", "TECHNOLOGY_OFFER", "content", Map.of(
                "title", Map.of("ja", "E2E 案件の精密板金 " + suffix),
                "summary", Map.of("ja", "E2E 案件: 薄板の精密板金を小ロットで受託します"),
                "technologyFields", List.of(TECHNOLOGY_FIELD), "stage", "ON_THE_MARKET",
                "ipStatus", "SECRET_KNOW_HOW", "partnershipTypes", List.of("MANUFACTURING_SUPPLY_OUTSOURCING"),
                "targetRegions", List.of("nationwide"))));
        Answer drafted = await("business matching knowing member " + ownerMemberId).atMost(CASE_OPENING)
                .until(() -> frontDoor.post("/api/matching/profiles", ownerToken, draft), a -> a.status() == 201);
        String profileId = drafted.json().path("id").asString();
        Answer published = frontDoor.post("/api/matching/profiles/" + profileId + "/publication", ownerToken, null);
        require(published.status() == 200, "publishing profile " + profileId, published);
        String interest = Json.write(Map.of("memberId", interestedMemberId, "profileId", profileId,
                "message", "E2E 案件: ぜひ相談させてください " + suffix));
        Answer expressed = await("business matching knowing member " + interestedMemberId).atMost(CASE_OPENING)
                .until(() -> frontDoor.post("/api/matching/interests", interestedToken, interest),
                        a -> a.status() == 201);
        String interestId = expressed.json().path("id").asString();
        Answer accepted = frontDoor.post("/api/matching/interests/" + interestId + "/acceptance", ownerToken, null);
        require(accepted.status() == 200, "accepting interest " + interestId, accepted);
        String matchId = accepted.json().path("matchId").asString();
        require(matchId != null && !matchId.isEmpty(), "the match id of interest " + interestId, accepted);
        return new AgreedMatch(interestId, matchId);
    }

    /** The case of the match, as soon as one of its members sees it in their list. */
    public JsonNode awaitCase(String matchId, String memberToken) {
        return await("the case of match " + matchId).atMost(CASE_OPENING).until(
                () -> caseOf(matchId, frontDoor.get(CASES, memberToken)), found -> !found.isMissingNode());
    }

    /** The case of the match in a list answer, or a missing node. */
    public static JsonNode caseOf(String matchId, Answer list) {
        if (list.status() != 200) {
            throw new AssertionError("listing cases: " + list.describe());
        }
        for (JsonNode item : list.json().path("items")) {
            if (matchId.equals(item.path("matchId").asString())) {
                return item;
            }
        }
        return MissingNode.getInstance();
    }

    /** The ids of the cases in a list answer, in its order. */
    public static List<String> caseIds(Answer list) {
        if (list.status() != 200) {
            throw new AssertionError("listing cases: " + list.describe());
        }
        List<String> ids = new ArrayList<>();
        list.json().path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    /** Reassigns the case by hand to a roster entry (no If-Match). */
    public JsonNode reassigned(String caseId, String token, String coordinatorId, String note) {
        Answer moved = frontDoor.post(CASES + "/" + caseId + "/reassignment", token, Json.write(Map.of(
                "to", "COORDINATOR", "coordinatorId", coordinatorId, "note", note)));
        require(moved.status() == 200, "reassigning case " + caseId + " to " + coordinatorId, moved);
        return moved.json();
    }

    private static void require(boolean condition, String step, Answer answer) {
        if (!condition) {
            throw new AssertionError(step + " failed: " + answer.describe());
        }
    }
}
