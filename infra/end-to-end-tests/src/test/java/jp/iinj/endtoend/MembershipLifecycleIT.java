package jp.iinj.endtoend;

import static jp.iinj.endtoend.support.Actor.COORDINATOR;
import static jp.iinj.endtoend.support.Actor.REGIONAL_BODY_KANTO;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import jp.iinj.endtoend.support.Actors;
import jp.iinj.endtoend.support.Answer;
import jp.iinj.endtoend.support.CorporateNumbers;
import jp.iinj.endtoend.support.EndToEndTest;
import jp.iinj.endtoend.support.FrontDoor;
import jp.iinj.endtoend.support.Json;
import jp.iinj.testing.web.Portal;
import jp.iinj.endtoend.support.PublishedEvents;
import jp.iinj.endtoend.support.PublishedEvents.PublishedEvent;
import jp.iinj.endtoend.support.Registrations;
import jp.iinj.endtoend.support.RunningPlatform;

/**
 * An organisation's membership from registration to withdrawal, through the front door only, as the people who
 * do it: the applicant (registering, retrying), the regional body of its bureau (approving, rejecting, clearing a
 * duplicate flag, suspending, reinstating), its owner once signed in (editing the profile, renewing, withdrawing) and
 * a coordinator of the bureau (reading, without the organisation's people). What the rest of the network learns is
 * read from the public topic {@code membership.member-events.v1} on the platform's broker: every step, no personal
 * data.
 */
@EndToEndTest
class MembershipLifecycleIT {

    private static final String MEMBER_EVENTS = "membership.member-events.v1";
    private static final String REGISTERED = "jp.iinj.membership.member-registered.v1";
    private static final String APPROVED = "jp.iinj.membership.member-approved.v1";
    private static final String REJECTED = "jp.iinj.membership.member-rejected.v1";
    private static final String PROFILE_UPDATED = "jp.iinj.membership.member-profile-updated.v1";
    private static final String SUSPENDED = "jp.iinj.membership.member-suspended.v1";
    private static final String REINSTATED = "jp.iinj.membership.member-reinstated.v1";
    private static final String WITHDRAWN = "jp.iinj.membership.member-withdrawn.v1";
    private static final String ORGANISATIONS = "/api/members/organisations";
    /** JIS X 0401: Kanagawa and Saitama, both in the Kanto bureau. */
    private static final String KANAGAWA = "14";
    private static final String SAITAMA = "11";

    private static PublishedEvents memberEvents;

    @BeforeAll
    static void readTheMemberEvents(RunningPlatform platform, Actors actors) {
        // the actors' registrations went through member-registry: its topics exist by now
        memberEvents = PublishedEvents.on(platform, MEMBER_EVENTS);
    }

    @AfterAll
    static void stopReading() {
        if (memberEvents != null) {
            memberEvents.close();
        }
    }

    @Test
    void an_organisation_registers_is_approved_edits_its_profile_is_suspended_reinstated_and_withdraws(
            Actors actors, FrontDoor frontDoor, Portal portal) {
        String suffix = suffix();
        String ownerName = "E2E 代表者 " + suffix;
        String ownerEmail = "owner-" + suffix + "@lifecycle.e2e.example.jp";
        String contactName = "E2E 窓口 " + suffix;
        String contactEmail = "contact-" + suffix + "@lifecycle.e2e.example.jp";
        String contactPhone = "03-5555-" + (1000 + Math.abs(suffix.hashCode() % 9000));
        String address = "東京都千代田区霞が関1-3-1 " + suffix;
        String suspensionNote = "E2E 会費未納の件、経理担当に連絡済み " + suffix;
        String withdrawalNote = "E2E 代表者の退任による " + suffix;
        Map<String, Object> contact = ordered("name", contactName, "department", "営業部", "email", contactEmail,
                "phone", contactPhone);
        Map<String, Object> application = ordered(
                "legalName", "E2E ライフサイクル精機株式会社 " + suffix,
                "legalNameKana", "イーツーイーライフサイクルセイキ",
                "organisationType", "SME",
                "corporateNumber", CorporateNumbers.random(),
                "prefectureCode", Registrations.TOKYO,
                "address", address,
                "website", "https://lifecycle.e2e.example.jp/",
                "employeeBand", "EMPLOYEES_20_TO_49",
                "keywords", List.of("精密加工", "試作"),
                "contacts", List.of(contact),
                "owner", ordered("displayName", ownerName, "email", ownerEmail));
        String idempotencyKey = "e2e-" + UUID.randomUUID();

        // the applicant registers; the answer is lost on the way, so the browser sends the same request again
        Answer registered = frontDoor.send("POST", ORGANISATIONS, null, Json.write(application),
                Map.of("Idempotency-Key", idempotencyKey));
        assertThat(registered.status()).as("%s", registered).isEqualTo(201);
        String id = registered.json().path("id").asString();
        String location = ORGANISATIONS + "/" + id;
        assertThat(registered.json().path("status").asString()).isEqualTo("APPLIED");
        assertThat(registered.header("Idempotent-Replayed")).isEmpty();

        Answer retried = frontDoor.send("POST", ORGANISATIONS, null, Json.write(application),
                Map.of("Idempotency-Key", idempotencyKey));
        assertThat(retried.status()).as("%s", retried).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).as("%s", retried).contains("true");
        assertThat(retried.json().path("id").asString()).isEqualTo(id);
        assertThat(retried.header("Location")).hasValueSatisfying(value -> assertThat(value).endsWith(location));

        // the same key with another body is a mistake, not a retry
        Map<String, Object> another = new LinkedHashMap<>(application);
        another.put("legalName", "E2E 別の会社株式会社 " + suffix);
        Answer reused = frontDoor.send("POST", ORGANISATIONS, null, Json.write(another),
                Map.of("Idempotency-Key", idempotencyKey));
        assertProblem(reused, 422);
        assertThat(reused.json().path("type").asString()).isEqualTo("https://iinj.jp/problems/idempotency-key-reused");

        // the regional body of its bureau approves it; the owner is mailed a set-password link and signs in
        Answer approved = frontDoor.post(location + "/approval", actors.token(REGIONAL_BODY_KANTO), null);
        assertThat(approved.status()).as("%s", approved).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(approved.json().path("expiresOn").asString()).isNotBlank();
        String password = Actors.newPassword();
        actors.setPasswordFromMail(ownerEmail, password);
        String owner = portal.signIn(ownerEmail, password).accessToken();

        // the owner reads the organisation, its people included, and the version it read (ETag)
        Answer read = frontDoor.get(location, owner);
        assertThat(read.status()).as("%s", read).isEqualTo(200);
        assertThat(read.json().path("owner").path("email").asString()).isEqualTo(ownerEmail);
        assertThat(read.json().path("contacts").path(0).path("email").asString()).isEqualTo(contactEmail);
        assertThat(read.json().path("address").asString()).isEqualTo(address);
        String firstETag = read.header("ETag").orElseThrow(() -> new AssertionError("no ETag: " + read));

        // a profile edit must say which version it is based on
        Map<String, Object> profile = profileOf(application);
        profile.put("employeeBand", "EMPLOYEES_50_TO_99");
        profile.put("keywords", List.of("精密加工", "試作", "医療機器部品"));
        profile.put("technologyFields", List.of("medical-healthcare"));
        Answer withoutIfMatch = frontDoor.put(location + "/profile", owner, Json.write(profile), Map.of());
        assertProblem(withoutIfMatch, 428);

        Answer edited = frontDoor.put(location + "/profile", owner, Json.write(profile), Map.of("If-Match", firstETag));
        assertThat(edited.status()).as("%s", edited).isEqualTo(200);
        assertThat(edited.json().path("employeeBand").asString()).isEqualTo("EMPLOYEES_50_TO_99");
        assertThat(Json.strings(edited.json().path("technologyFields"))).containsExactly("medical-healthcare");
        String secondETag = edited.header("ETag").orElseThrow(() -> new AssertionError("no ETag: " + edited));
        assertThat(secondETag).isNotEqualTo(firstETag);

        // a second tab, still on the first version, does not overwrite the edit
        Map<String, Object> staleEdit = profileOf(application);
        staleEdit.put("website", "https://stale.e2e.example.jp/");
        Answer stale = frontDoor.put(location + "/profile", owner, Json.write(staleEdit), Map.of("If-Match", firstETag));
        assertProblem(stale, 412);
        Answer afterStale = frontDoor.get(location, owner);
        assertThat(afterStale.json().path("website").asString()).isEqualTo("https://lifecycle.e2e.example.jp/");
        assertThat(afterStale.json().path("employeeBand").asString()).isEqualTo("EMPLOYEES_50_TO_99");
        assertThat(afterStale.header("ETag")).contains(secondETag);

        // the coordinator of the bureau sees the organisation, not its people; its regional body sees both
        Answer coordinatorView = frontDoor.get(location, actors.token(COORDINATOR));
        assertThat(coordinatorView.status()).as("%s", coordinatorView).isEqualTo(200);
        assertThat(coordinatorView.json().path("legalName").asString()).isEqualTo(application.get("legalName"));
        assertThat(coordinatorView.json().path("employeeBand").asString()).isEqualTo("EMPLOYEES_50_TO_99");
        assertAbsent(coordinatorView, "owner", "contacts", "address");
        assertThat(coordinatorView.body()).doesNotContain(ownerEmail, ownerName, contactEmail, contactName, contactPhone);
        Answer regionalBodyView = frontDoor.get(location, actors.token(REGIONAL_BODY_KANTO));
        assertThat(regionalBodyView.json().path("owner").path("email").asString()).isEqualTo(ownerEmail);
        assertThat(regionalBodyView.json().path("contacts").path(0).path("email").asString()).isEqualTo(contactEmail);

        // renewal opens 90 days before the membership expires, not right after the approval
        Answer earlyRenewal = frontDoor.post(location + "/renewal", owner, null);
        assertProblem(earlyRenewal, 409);

        // the regional body suspends it (the reason is public, the note is not) and reinstates it
        Answer suspended = frontDoor.post(location + "/suspension", actors.token(REGIONAL_BODY_KANTO),
                Json.write(ordered("reason", "UNPAID_FEES", "note", suspensionNote)));
        assertThat(suspended.status()).as("%s", suspended).isEqualTo(200);
        assertThat(suspended.json().path("status").asString()).isEqualTo("SUSPENDED");
        assertThat(suspended.json().path("statusReason").asString()).isEqualTo("UNPAID_FEES");
        assertThat(suspended.json().path("statusNote").asString()).isEqualTo(suspensionNote);
        Answer ownerSeesWhy = frontDoor.get(location, owner);
        assertThat(ownerSeesWhy.json().path("statusNote").asString()).isEqualTo(suspensionNote);
        Answer coordinatorSeesTheCode = frontDoor.get(location, actors.token(COORDINATOR));
        assertThat(coordinatorSeesTheCode.json().path("status").asString()).isEqualTo("SUSPENDED");
        assertThat(coordinatorSeesTheCode.json().path("statusReason").asString()).isEqualTo("UNPAID_FEES");
        assertAbsent(coordinatorSeesTheCode, "statusNote");
        // a suspended member's people change nothing until it is reinstated, with the token that still says member
        Answer withdrawWhileSuspended = frontDoor.post(location + "/withdrawal", owner,
                Json.write(ordered("reason", "NO_LONGER_INTERESTED")));
        assertProblem(withdrawWhileSuspended, 403);
        assertThat(withdrawWhileSuspended.json().path("detail").asString()).contains("not active (SUSPENDED)");

        Answer reinstated = frontDoor.post(location + "/reinstatement", actors.token(REGIONAL_BODY_KANTO), null);
        assertThat(reinstated.status()).as("%s", reinstated).isEqualTo(200);
        assertThat(reinstated.json().path("status").asString()).isEqualTo("ACTIVE");

        // the owner withdraws the organisation
        Answer withdrawn = frontDoor.post(location + "/withdrawal", owner,
                Json.write(ordered("reason", "NO_LONGER_INTERESTED", "note", withdrawalNote)));
        assertThat(withdrawn.status()).as("%s", withdrawn).isEqualTo(200);
        assertThat(withdrawn.json().path("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.json().path("statusReason").asString()).isEqualTo("NO_LONGER_INTERESTED");

        // the network learnt every step, once (the retried registration too), and nothing about people
        List<PublishedEvent> events = memberEvents.awaitTypes(id,
                List.of(REGISTERED, APPROVED, PROFILE_UPDATED, SUSPENDED, REINSTATED, WITHDRAWN));
        for (PublishedEvent event : events) {
            assertThat(event.key()).as("%s", event).isEqualTo(id);
            assertThat(event.headers()).as("%s", event).containsEntry("ce_bureau", "kanto").containsEntry("ce_prefecture", "13");
            assertThat(event.everything()).as("%s", event).doesNotContain("@", ownerName, contactName, contactPhone,
                    address, suspensionNote, withdrawalNote);
        }
        assertThat(events.get(2).payload().path("employeeBand").asString()).isEqualTo("EMPLOYEES_50_TO_99");
        assertThat(events.get(3).payload().path("reason").asString()).isEqualTo("UNPAID_FEES");
        assertThat(events.get(5).payload().path("reason").asString()).isEqualTo("NO_LONGER_INTERESTED");
    }

    @Test
    void an_application_is_rejected_with_a_reason_code_for_everyone_and_a_note_for_the_applicant_only(
            Actors actors, FrontDoor frontDoor) {
        String suffix = suffix();
        String ownerEmail = "applicant-" + suffix + "@rejected.e2e.example.jp";
        String note = "E2E 事業内容が対象外（担当: 関東局 佐藤） " + suffix;
        Answer registered = frontDoor.post(ORGANISATIONS, null,
                Registrations.body("E2E 不適格商事株式会社 " + suffix, Registrations.TOKYO, "E2E 申請者 " + suffix, ownerEmail));
        assertThat(registered.status()).as("%s", registered).isEqualTo(201);
        String id = registered.json().path("id").asString();
        String location = ORGANISATIONS + "/" + id;

        // a rejection names its reason
        Answer withoutReason = frontDoor.post(location + "/rejection", actors.token(REGIONAL_BODY_KANTO),
                Json.write(ordered("note", note)));
        assertProblem(withoutReason, 400);
        assertThat(withoutReason.body()).contains("reason");

        Answer rejected = frontDoor.post(location + "/rejection", actors.token(REGIONAL_BODY_KANTO),
                Json.write(ordered("reason", "NOT_ELIGIBLE", "note", note)));
        assertThat(rejected.status()).as("%s", rejected).isEqualTo(200);
        assertThat(rejected.json().path("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().path("statusReason").asString()).isEqualTo("NOT_ELIGIBLE");
        assertThat(rejected.json().path("statusNote").asString()).isEqualTo(note);

        Answer coordinatorView = frontDoor.get(location, actors.token(COORDINATOR));
        assertThat(coordinatorView.json().path("status").asString()).isEqualTo("REJECTED");
        assertThat(coordinatorView.json().path("statusReason").asString()).isEqualTo("NOT_ELIGIBLE");
        assertAbsent(coordinatorView, "statusNote", "owner");

        // a decision is final: it cannot be approved afterwards
        assertProblem(frontDoor.post(location + "/approval", actors.token(REGIONAL_BODY_KANTO), null), 409);

        List<PublishedEvent> events = memberEvents.awaitTypes(id, List.of(REGISTERED, REJECTED));
        assertThat(events.get(1).payload().path("reason").asString()).isEqualTo("NOT_ELIGIBLE");
        for (PublishedEvent event : events) {
            assertThat(event.everything()).as("%s", event).doesNotContain("@", note);
        }
    }

    @Test
    void an_organisation_without_a_corporate_number_named_like_a_member_of_its_prefecture_waits_for_a_duplicate_review(
            Actors actors, FrontDoor frontDoor) {
        String suffix = suffix();
        // the same firm, written two ways: the registry compares names without legal forms, widths and spaces
        Answer original = frontDoor.post(ORGANISATIONS, null, Registrations.body("株式会社 E2E重複精機" + suffix, KANAGAWA,
                "E2E 既存 " + suffix, "existing-" + suffix + "@duplicate.e2e.example.jp"));
        assertThat(original.status()).as("%s", original).isEqualTo(201);
        String originalId = original.json().path("id").asString();
        Answer lookalike = frontDoor.post(ORGANISATIONS, null, Registrations.bodyWithoutCorporateNumber(
                "㈱Ｅ２Ｅ重複精機" + suffix, KANAGAWA, "E2E 新規 " + suffix, "lookalike-" + suffix + "@duplicate.e2e.example.jp"));
        assertThat(lookalike.status()).as("%s", lookalike).isEqualTo(201);
        String id = lookalike.json().path("id").asString();
        String location = ORGANISATIONS + "/" + id;
        // the applicant is not told about other organisations
        assertAbsent(lookalike, "possibleDuplicateOf");
        // the same name in another prefecture is another organisation
        Answer elsewhere = frontDoor.post(ORGANISATIONS, null, Registrations.bodyWithoutCorporateNumber(
                "E2E重複精機" + suffix + " 株式会社", SAITAMA, "E2E 埼玉 " + suffix, "saitama-" + suffix + "@duplicate.e2e.example.jp"));
        assertThat(elsewhere.status()).as("%s", elsewhere).isEqualTo(201);
        String elsewhereId = elsewhere.json().path("id").asString();

        // the regional body sees the flag, the coordinator does not review applications
        Answer review = frontDoor.get(location, actors.token(REGIONAL_BODY_KANTO));
        assertThat(Json.strings(review.json().path("possibleDuplicateOf"))).as("%s", review).containsExactly(originalId);
        assertAbsent(frontDoor.get(location, actors.token(COORDINATOR)), "possibleDuplicateOf");
        assertAbsent(frontDoor.get(ORGANISATIONS + "/" + elsewhereId, actors.token(REGIONAL_BODY_KANTO)), "possibleDuplicateOf");

        // it cannot be approved until the regional body has cleared the flag
        Answer refused = frontDoor.post(location + "/approval", actors.token(REGIONAL_BODY_KANTO), null);
        assertProblem(refused, 409);
        assertThat(refused.body()).contains(originalId);

        Answer cleared = frontDoor.post(location + "/duplicate-review/clearance", actors.token(REGIONAL_BODY_KANTO), null);
        assertThat(cleared.status()).as("%s", cleared).isEqualTo(200);
        assertAbsent(cleared, "possibleDuplicateOf");
        assertProblem(frontDoor.post(location + "/duplicate-review/clearance", actors.token(REGIONAL_BODY_KANTO), null), 409);

        Answer approved = frontDoor.post(location + "/approval", actors.token(REGIONAL_BODY_KANTO), null);
        assertThat(approved.status()).as("%s", approved).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("ACTIVE");
        Answer approvedElsewhere = frontDoor.post(ORGANISATIONS + "/" + elsewhereId + "/approval",
                actors.token(REGIONAL_BODY_KANTO), null);
        assertThat(approvedElsewhere.status()).as("%s", approvedElsewhere).isEqualTo(200);

        // clearing a flag is the registry's own business: the network hears of the approval only
        memberEvents.awaitTypes(id, List.of(REGISTERED, APPROVED));
    }

    /** The editable profile of a registration: everything but the corporate number and the owner. */
    private static Map<String, Object> profileOf(Map<String, Object> registration) {
        Map<String, Object> profile = new LinkedHashMap<>(registration);
        profile.remove("corporateNumber");
        profile.remove("owner");
        return profile;
    }

    private static void assertProblem(Answer answer, int status) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(status);
        assertThat(answer.isProblem()).as("problem+json: %s", answer).isTrue();
        assertThat(answer.json().path("status").asInt()).as("%s", answer).isEqualTo(status);
    }

    /** Fields the caller may not see: null or left out. */
    private static void assertAbsent(Answer answer, String... fields) {
        assertThat(answer.status()).as("%s", answer).isBetween(200, 299);
        for (String field : fields) {
            JsonNode value = answer.json().path(field);
            assertThat(value.isMissingNode() || value.isNull()).as("%s in %s", field, answer).isTrue();
        }
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
