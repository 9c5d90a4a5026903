package jp.iinj.endtoend.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Online registrations of organisations, anonymous, through the gateway; and organisations taken on from there to
 * a state of their membership by the regional body of their bureau, through the gateway too.
 */
public final class Registrations {

    /** JIS X 0401: Tokyo, in the Kanto bureau. */
    public static final String TOKYO = "13";
    /** JIS X 0401: Osaka, in the Kinki bureau. */
    public static final String OSAKA = "27";

    private final FrontDoor frontDoor;

    public Registrations(FrontDoor frontDoor) {
        this.frontDoor = frontDoor;
    }

    /** A valid registration body: a fresh corporate number, the owner who registers. */
    public static String body(String legalName, String prefectureCode, String ownerName, String ownerEmail) {
        Map<String, Object> owner = new LinkedHashMap<>();
        owner.put("displayName", ownerName);
        owner.put("email", ownerEmail);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("legalName", legalName);
        body.put("organisationType", "SME");
        body.put("corporateNumber", CorporateNumbers.random());
        body.put("prefectureCode", prefectureCode);
        body.put("owner", owner);
        return Json.write(body);
    }

    /**
     * A registration without a corporate number (a voluntary association): the registry compares its name within the
     * prefecture with the current members', and flags it when one matches.
     */
    public static String bodyWithoutCorporateNumber(String legalName, String prefectureCode, String ownerName,
                                                    String ownerEmail) {
        Map<String, Object> owner = new LinkedHashMap<>();
        owner.put("displayName", ownerName);
        owner.put("email", ownerEmail);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("legalName", legalName);
        body.put("organisationType", "OTHER");
        body.put("noCorporateNumberReason", "VOLUNTARY_ASSOCIATION");
        body.put("prefectureCode", prefectureCode);
        body.put("owner", owner);
        return Json.write(body);
    }

    /** Registers anonymously and returns the answer (201 expected). */
    public Answer register(String legalName, String prefectureCode, String ownerName, String ownerEmail) {
        return frontDoor.post("/api/members/organisations", null, body(legalName, prefectureCode, ownerName, ownerEmail));
    }

    /** An applied organisation nobody acts for yet, in the given prefecture; returns its id. */
    public String applied(String prefectureCode) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Answer answer = register("E2E 株式会社 " + suffix, prefectureCode, "E2E 申請者", "applicant-" + suffix + "@e2e.example.jp");
        if (answer.status() != 201) {
            throw new AssertionError("registration of a fresh organisation: " + answer.describe());
        }
        return answer.json().path("id").asString();
    }

    /** An organisation approved by {@code approverToken} (a regional body of its bureau), nobody acts for it; its id. */
    public String active(String prefectureCode, String approverToken) {
        String id = applied(prefectureCode);
        require(frontDoor.post("/api/members/organisations/" + id + "/approval", approverToken, null), 200, "approval");
        return id;
    }

    /** An active organisation then suspended by {@code approverToken} (unpaid fees); its id. */
    public String suspended(String prefectureCode, String approverToken) {
        String id = active(prefectureCode, approverToken);
        require(frontDoor.post("/api/members/organisations/" + id + "/suspension", approverToken,
                "{\"reason\":\"UNPAID_FEES\"}"), 200, "suspension");
        return id;
    }

    /**
     * An applied organisation without a corporate number named like a current member of the prefecture
     * ({@code existingName}), so flagged as its possible duplicate; its id.
     */
    public String flaggedAsPossibleDuplicateOf(String existingName, String prefectureCode) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Answer answer = frontDoor.post("/api/members/organisations", null, bodyWithoutCorporateNumber(existingName,
                prefectureCode, "E2E 申請者", "duplicate-" + suffix + "@e2e.example.jp"));
        require(answer, 201, "registration without a corporate number");
        return answer.json().path("id").asString();
    }

    private static void require(Answer answer, int status, String step) {
        if (answer.status() != status) {
            throw new AssertionError("setting up an organisation: " + step + ": " + answer.describe());
        }
    }
}
