package jp.iinj.endtoend.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Online registrations of organisations, anonymous, through the gateway. */
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
}
