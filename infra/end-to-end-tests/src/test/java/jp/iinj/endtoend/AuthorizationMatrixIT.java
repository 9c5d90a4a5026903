package jp.iinj.endtoend;

import static jp.iinj.endtoend.support.AccessMatrix.everyone;
import static jp.iinj.endtoend.support.AccessMatrix.expect;
import static jp.iinj.endtoend.support.AccessMatrix.others;
import static jp.iinj.endtoend.support.AccessMatrix.row;
import static jp.iinj.endtoend.support.Actor.ADMIN;
import static jp.iinj.endtoend.support.Actor.ANONYMOUS;
import static jp.iinj.endtoend.support.Actor.COORDINATOR;
import static jp.iinj.endtoend.support.Actor.MACHINE_CLIENT_KANTO;
import static jp.iinj.endtoend.support.Actor.MEMBER_A;
import static jp.iinj.endtoend.support.Actor.MEMBER_B;
import static jp.iinj.endtoend.support.Actor.LAPSED_MEMBER;
import static jp.iinj.endtoend.support.Actor.SUSPENDED_MEMBER;
import static jp.iinj.endtoend.support.Actor.REGIONAL_BODY_KANTO;
import static jp.iinj.endtoend.support.Actor.REGIONAL_BODY_OTHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;

import jp.iinj.endtoend.support.AccessMatrix;
import jp.iinj.endtoend.support.AccessMatrix.Cell;
import jp.iinj.endtoend.support.Actor;
import jp.iinj.endtoend.support.Actors;
import jp.iinj.endtoend.support.Answer;
import jp.iinj.endtoend.support.Coordination;
import jp.iinj.endtoend.support.CorporateNumbers;
import jp.iinj.endtoend.support.EndToEndTest;
import jp.iinj.endtoend.support.FeedSubscriptions;
import jp.iinj.endtoend.support.Json;
import jp.iinj.endtoend.support.Jwt;
import jp.iinj.endtoend.support.Registrations;

/**
 * Who gets what from every endpoint the front door offers today, for every kind of caller, on the real platform:
 * one row per (request, target object), one expected status per {@link jp.iinj.endtoend.support.Actor}. Every
 * 4xx and 5xx answer must be an RFC 9457 problem ({@code application/problem+json}) with the same status.
 *
 * <p>Targets: {@code {A}} is organisation A (Tokyo, Kanto bureau; MEMBER_A acts for it), {@code {B}} organisation B
 * (Osaka, Kinki bureau; MEMBER_B's). {@code {SUSPENDED_MEMBER_ORG}} and {@code {LAPSED_MEMBER_ORG}} (Tokyo, Kanto
 * bureau) are the organisations SUSPENDED_MEMBER and LAPSED_MEMBER act for, suspended by the Kanto regional body and
 * lapsed by the administrator's lapse check after their owners signed in; those owners use the tokens of that sign-in,
 * which still say member: they read their own organisation until the token expires, and every write on its behalf is
 * 403 at once. {@code {SUSPENDED_MEMBER_OWNER}} / {@code {LAPSED_MEMBER_OWNER}} are those owners' subjects. Order of
 * refusals: 401 without a token, 404 for who may not see the object, 403 for who may see it but not do this (or acts
 * for a member that is no longer active), then 412 for a stale {@code If-Match}, then 409 for what its state does not
 * allow. {@code {APPLIED_IN_KANTO}} / {@code {APPLIED_IN_KINKI}} are organisations
 * registered afresh for each cell (APPLIED, nobody acts for them yet), so that cells that approve do not depend on
 * each other; likewise {@code {ACTIVE_IN_KANTO}} (approved by the Kanto regional body), {@code {SUSPENDED_IN_KANTO}}
 * (approved, then suspended) and {@code {FLAGGED_IN_KANTO}} (applied without a corporate number under A's name, so
 * flagged as A's possible duplicate). {@code {ETAG_OF_A}} is A's current ETag; {@code {A_OWNER}} is MEMBER_A's subject
 * (A's owner in its people list). {@code {NEW_EMAIL}}, {@code {NEW_CORPORATE_NUMBER}}, {@code {NEW_IDEMPOTENCY_KEY}},
 * {@code {UNKNOWN}} (an organisation or import id), {@code {UNKNOWN_TOKEN}} (a one-time token) and
 * {@code {IMPORT_BY_KANTO}} (an import the Kanto regional body started, of a header without rows) are new for every
 * cell too. {@code {CLUSTER}} is an active cluster of the catalogue the administrator added once for the matrix;
 * {@code {NEW_CLUSTER_NAME}} is new for every cell. Changes that would end A's or B's membership are sent with a stale
 * {@code If-Match}, so that they stay as the other tests expect them.
 *
 * <p>Adding an endpoint or a case: add a row; a row must name every actor (or end with {@code others(...)}).
 */
@EndToEndTest
class AuthorizationMatrixIT {

    private static final String REGISTRATION = """
            {"legalName":"E2E 行列株式会社","organisationType":"SME","corporateNumber":"{NEW_CORPORATE_NUMBER}",\
            "prefectureCode":"13","owner":{"displayName":"E2E 行列","email":"{NEW_EMAIL}"}}""";
    private static final String REJECTION = """
            {"reason":"NOT_ELIGIBLE","note":"E2E 行列: 対象外"}""";
    private static final String SUSPENSION = """
            {"reason":"UNDER_INVESTIGATION","note":"E2E 行列: 調査中"}""";
    private static final String WITHDRAWAL = """
            {"reason":"NO_LONGER_INTERESTED","note":"E2E 行列: 退会"}""";
    /** Organisation A's profile as it is (same name, same prefecture), so that a successful edit changes nothing else. */
    private static final String PROFILE_OF_A = """
            {"legalName":"%s","organisationType":"SME","prefectureCode":"13"}""".formatted(Actors.ORGANISATION_A_NAME);
    private static final String PROFILE_OF_B = """
            {"legalName":"%s","organisationType":"SME","prefectureCode":"27"}""".formatted(Actors.ORGANISATION_B_NAME);
    /** A profile in Tokyo for the organisations whose writes every caller gets refused (or 412) on. */
    private static final String PROFILE_IN_TOKYO = """
            {"legalName":"E2E 書換株式会社","organisationType":"SME","prefectureCode":"13"}""";
    /**
     * The ETag of revision 0: an organisation as registered, before its approval; stale for A and B. Who may make the
     * change gets 412 and A and B stay as they are for the other tests; who may not is refused before the revision is
     * compared (403, 404).
     */
    private static final String STALE_ETAG = "\"0\"";
    private static final String NEW_COORDINATOR = """
            {"email":"{NEW_EMAIL}","displayName":"E2E 新コーディネーター","roles":["COORDINATOR"],"bureaus":["kanto"]}""";
    private static final String NEW_MACHINE_CLIENT = """
            {"name":"E2E Kanto feed reader","bureaus":["kanto"]}""";
    private static final String INVITATION_TO_A = """
            {"email":"{NEW_EMAIL}","memberId":"{A}"}""";
    private static final String INVITATION_TO_B = """
            {"email":"{NEW_EMAIL}","memberId":"{B}"}""";
    private static final String ACCEPTANCE = """
            {"displayName":"E2E 招待者","password":"e2e invited battery staple"}""";
    private static final String NEW_CLUSTER = """
            {"name":"{NEW_CLUSTER_NAME}","programme":"REGIONAL","bureau":"kanto"}""";
    private static final String CLUSTER_REPLACEMENT = """
            {"name":"{NEW_CLUSTER_NAME}","programme":"REGIONAL","bureau":"kanto","active":true}""";
    private static final String RESET_REQUEST = """
            {"email":"{NEW_EMAIL}"}""";
    private static final String FIRST_ADMINISTRATOR = """
            {"token":"not-the-token","email":"root@e2e.example.jp","displayName":"Root","password":"correct horse battery"}""";
    private static final String LANGUAGE = """
            {"language":"ja"}""";
    private static final String DRAFT_FOR_A = """
            {"memberId":"{A}","type":"TECHNOLOGY_OFFER","content":{"title":{"ja":"E2E 行列の精密切削"}}}""";
    private static final String INTEREST_OF_B = """
            {"memberId":"{B}","profileId":"{PROFILE_OF_A}","message":"E2E 行列: 関心があります"}""";
    private static final String CASE_DECLINE = """
            {"reason":"OTHER","note":"E2E 行列: 辞退"}""";
    private static final String CASE_STAGE = """
            {"stage":"FIRST_CONTACT"}""";
    private static final String CASE_CLOSURE = """
            {"outcome":"OTHER","reason":"E2E 行列: 終了"}""";
    private static final String CASE_NOTE = """
            {"text":"E2E 行列: 記録"}""";
    private static final String CASE_TO_QUEUE = """
            {"to":"QUEUE","note":"E2E 行列: 差し戻し"}""";
    private static final String NEW_PASSWORD = """
            {"password":"e2e reset battery staple"}""";
    /** A subscription to the matrix's webhook receiver that matches no event: cells that create one deliver nothing. */
    private static final String NEW_SUBSCRIPTION = """
            {"sink":"{SINK}","protocol":"HTTP","types":["jp.iinj.membership.member-registered.v1"],\
            "filters":[{"exact":{"subject":"e2e-no-such-aggregate"}}]}""";
    private static final String NEW_SUBSCRIPTION_FOR_KINKI = """
            {"sink":"{SINK}","protocol":"HTTP","types":["jp.iinj.membership.member-registered.v1"],\
            "filters":[{"exact":{"subject":"e2e-no-such-aggregate"}}],"bureaus":["kinki"]}""";
    /** A range before the platform existed: nothing to send again, so each cell's replay ends at once. */
    private static final String EMPTY_REPLAY_RANGE = """
            {"from":"2020-01-01T00:00:00Z","to":"2020-01-02T00:00:00Z"}""";

    static Stream<Cell> matrix() {
        return AccessMatrix.cells(
                // ---- member-registry: organisations ------------------------------------------------------------------
                // online registration is open; a token changes nothing
                row("POST /api/members/organisations", REGISTRATION, everyone(201)),
                // visible to its own people, the coordinators and regional bodies of its bureau, administrators;
                // anyone else is told it does not exist. Machine clients (client credentials, no openid scope) read
                // feeds only: the registry refuses them outright (403), whatever the object.
                row("GET /api/members/organisations/{A}",
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 200), expect(MEMBER_B, 404),
                        expect(SUSPENDED_MEMBER, 404), expect(LAPSED_MEMBER, 404), expect(COORDINATOR, 200),
                        expect(REGIONAL_BODY_KANTO, 200), expect(REGIONAL_BODY_OTHER, 404), expect(ADMIN, 200),
                        expect(MACHINE_CLIENT_KANTO, 403)),
                row("GET /api/members/organisations/{B}",
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 404), expect(MEMBER_B, 200),
                        expect(SUSPENDED_MEMBER, 404), expect(LAPSED_MEMBER, 404), expect(COORDINATOR, 404),
                        expect(REGIONAL_BODY_KANTO, 404), expect(REGIONAL_BODY_OTHER, 200), expect(ADMIN, 200),
                        expect(MACHINE_CLIENT_KANTO, 403)),
                row("GET /api/members/organisations/{APPLIED_IN_KANTO}",
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 404), expect(MEMBER_B, 404),
                        expect(SUSPENDED_MEMBER, 404), expect(LAPSED_MEMBER, 404), expect(COORDINATOR, 200),
                        expect(REGIONAL_BODY_KANTO, 200), expect(REGIONAL_BODY_OTHER, 404), expect(ADMIN, 200),
                        expect(MACHINE_CLIENT_KANTO, 403)),
                row("GET /api/members/organisations/{UNKNOWN}", expect(ANONYMOUS, 401), expect(MACHINE_CLIENT_KANTO, 403), others(404)),
                // the staff list: regional bodies and coordinators (their bureaus), administrators (all); members
                // read their own organisation by id and get 403 here; asking for a bureau one does not cover is 403
                row("GET /api/members/organisations",
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 403), expect(MEMBER_B, 403),
                        expect(SUSPENDED_MEMBER, 403), expect(LAPSED_MEMBER, 403), expect(COORDINATOR, 200),
                        expect(REGIONAL_BODY_KANTO, 200), expect(REGIONAL_BODY_OTHER, 200), expect(ADMIN, 200),
                        expect(MACHINE_CLIENT_KANTO, 403)),
                row("GET /api/members/organisations?bureau=kanto&status=ACTIVE&sort=legalName&limit=5",
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 403), expect(MEMBER_B, 403),
                        expect(SUSPENDED_MEMBER, 403), expect(LAPSED_MEMBER, 403), expect(COORDINATOR, 200),
                        expect(REGIONAL_BODY_KANTO, 200), expect(REGIONAL_BODY_OTHER, 403), expect(ADMIN, 200),
                        expect(MACHINE_CLIENT_KANTO, 403)),
                row("GET /api/members/organisations?prefecture=27",
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 403), expect(MEMBER_B, 403),
                        expect(SUSPENDED_MEMBER, 403), expect(LAPSED_MEMBER, 403), expect(COORDINATOR, 403),
                        expect(REGIONAL_BODY_KANTO, 403), expect(REGIONAL_BODY_OTHER, 200), expect(ADMIN, 200),
                        expect(MACHINE_CLIENT_KANTO, 403)),
                // a sort field outside the allow-list: 400 for staff; who may not list at all learns only that
                row("GET /api/members/organisations?sort=owner.email",
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 403), expect(MEMBER_B, 403),
                        expect(SUSPENDED_MEMBER, 403), expect(LAPSED_MEMBER, 403), expect(COORDINATOR, 400),
                        expect(REGIONAL_BODY_KANTO, 400), expect(REGIONAL_BODY_OTHER, 400), expect(ADMIN, 400),
                        expect(MACHINE_CLIENT_KANTO, 403)),
                // approval: a regional body (a person) of the bureau or an administrator; who may see it but not
                // approve it gets 403.
                row("POST /api/members/organisations/{APPLIED_IN_KANTO}/approval",
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 404), expect(MEMBER_B, 404),
                        expect(SUSPENDED_MEMBER, 404), expect(LAPSED_MEMBER, 404), expect(COORDINATOR, 403),
                        expect(REGIONAL_BODY_KANTO, 200), expect(REGIONAL_BODY_OTHER, 404), expect(ADMIN, 200),
                        expect(MACHINE_CLIENT_KANTO, 403)),
                row("POST /api/members/organisations/{APPLIED_IN_KINKI}/approval",
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 404), expect(MEMBER_B, 404),
                        expect(SUSPENDED_MEMBER, 404), expect(LAPSED_MEMBER, 404), expect(COORDINATOR, 404),
                        expect(REGIONAL_BODY_KANTO, 404), expect(REGIONAL_BODY_OTHER, 200), expect(ADMIN, 200),
                        expect(MACHINE_CLIENT_KANTO, 403)),
                // already ACTIVE: 409 for those who may approve, 403 for those who only see it
                row("POST /api/members/organisations/{A}/approval",
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 403), expect(MEMBER_B, 404),
                        expect(SUSPENDED_MEMBER, 404), expect(LAPSED_MEMBER, 404), expect(COORDINATOR, 403),
                        expect(REGIONAL_BODY_KANTO, 409), expect(REGIONAL_BODY_OTHER, 404), expect(ADMIN, 409),
                        expect(MACHINE_CLIENT_KANTO, 403)),
                row("POST /api/members/organisations/{UNKNOWN}/approval", expect(ANONYMOUS, 401), expect(MACHINE_CLIENT_KANTO, 403),
                        others(404)),
                // bulk import (CSV): people who are regional bodies, and administrators; members and coordinators are
                // refused by the gateway, machine clients by the registry. This row sends no body, so whoever may
                // import is told the body is not text/csv: the role is checked before the media type.
                row("POST /api/members/imports",
                        expect(ANONYMOUS, 401), expect(REGIONAL_BODY_KANTO, 415), expect(REGIONAL_BODY_OTHER, 415),
                        expect(ADMIN, 415), others(403)),
                // an import's status: whoever started it and administrators; to other regional bodies it does not exist
                row("GET /api/members/imports/{IMPORT_BY_KANTO}",
                        expect(ANONYMOUS, 401), expect(REGIONAL_BODY_KANTO, 200), expect(REGIONAL_BODY_OTHER, 404),
                        expect(ADMIN, 200), others(403)),
                row("GET /api/members/imports/{UNKNOWN}",
                        expect(ANONYMOUS, 401), expect(REGIONAL_BODY_KANTO, 404), expect(REGIONAL_BODY_OTHER, 404),
                        expect(ADMIN, 404), others(403)),
                // people (names, e-mail addresses): its own people, the regional bodies of its bureau, administrators;
                // the coordinator of the bureau sees the organisation but not its people (403)
                row("GET /api/members/organisations/{A}/people",
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 200), expect(MEMBER_B, 404),
                        expect(SUSPENDED_MEMBER, 404), expect(LAPSED_MEMBER, 404), expect(COORDINATOR, 403),
                        expect(REGIONAL_BODY_KANTO, 200), expect(REGIONAL_BODY_OTHER, 404), expect(ADMIN, 200),
                        expect(MACHINE_CLIENT_KANTO, 403)),
                row("GET /api/members/organisations/{UNKNOWN}/people", expect(ANONYMOUS, 401), expect(MACHINE_CLIENT_KANTO, 403),
                        others(404)),
                // removal: by the owner (MEMBER_A) or an administrator; nobody removes the owner (409)
                row("DELETE /api/members/organisations/{A}/people/{A_OWNER}",
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 409), expect(MEMBER_B, 404),
                        expect(SUSPENDED_MEMBER, 404), expect(LAPSED_MEMBER, 404), expect(COORDINATOR, 403),
                        expect(REGIONAL_BODY_KANTO, 403), expect(REGIONAL_BODY_OTHER, 404), expect(ADMIN, 409),
                        expect(MACHINE_CLIENT_KANTO, 403)),
                row("DELETE /api/members/organisations/{A}/people/{UNKNOWN}",
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 404), expect(MEMBER_B, 404),
                        expect(SUSPENDED_MEMBER, 404), expect(LAPSED_MEMBER, 404), expect(COORDINATOR, 403),
                        expect(REGIONAL_BODY_KANTO, 403), expect(REGIONAL_BODY_OTHER, 404), expect(ADMIN, 404),
                        expect(MACHINE_CLIENT_KANTO, 403)),
                // an Idempotency-Key changes nothing about who may register
                row("POST /api/members/organisations", REGISTRATION, everyone(201))
                        .withHeader("Idempotency-Key", "{NEW_IDEMPOTENCY_KEY}"),

                // rejection: as approval
                row("POST /api/members/organisations/{APPLIED_IN_KANTO}/rejection", REJECTION,
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 404), expect(MEMBER_B, 404),
                        expect(SUSPENDED_MEMBER, 404), expect(LAPSED_MEMBER, 404), expect(COORDINATOR, 403),
                        expect(REGIONAL_BODY_KANTO, 200), expect(REGIONAL_BODY_OTHER, 404), expect(ADMIN, 200),
                        expect(MACHINE_CLIENT_KANTO, 403)),
                row("POST /api/members/organisations/{APPLIED_IN_KINKI}/rejection", REJECTION,
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 404), expect(MEMBER_B, 404),
                        expect(SUSPENDED_MEMBER, 404), expect(LAPSED_MEMBER, 404), expect(COORDINATOR, 404),
                        expect(REGIONAL_BODY_KANTO, 404), expect(REGIONAL_BODY_OTHER, 200), expect(ADMIN, 200),
                        expect(MACHINE_CLIENT_KANTO, 403)),
                row("POST /api/members/organisations/{A}/rejection", REJECTION,
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 403), expect(MEMBER_B, 404),
                        expect(SUSPENDED_MEMBER, 404), expect(LAPSED_MEMBER, 404), expect(COORDINATOR, 403),
                        expect(REGIONAL_BODY_KANTO, 409), expect(REGIONAL_BODY_OTHER, 404), expect(ADMIN, 409),
                        expect(MACHINE_CLIENT_KANTO, 403)),
                row("POST /api/members/organisations/{UNKNOWN}/rejection", REJECTION,
                        expect(ANONYMOUS, 401), expect(MACHINE_CLIENT_KANTO, 403), others(404)),

                // duplicate review: the approvers clear a flag; a flagged organisation is not approved before
                row("POST /api/members/organisations/{FLAGGED_IN_KANTO}/duplicate-review/clearance",
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 404), expect(MEMBER_B, 404),
                        expect(SUSPENDED_MEMBER, 404), expect(LAPSED_MEMBER, 404), expect(COORDINATOR, 403),
                        expect(REGIONAL_BODY_KANTO, 200), expect(REGIONAL_BODY_OTHER, 404), expect(ADMIN, 200),
                        expect(MACHINE_CLIENT_KANTO, 403)),
                row("POST /api/members/organisations/{FLAGGED_IN_KANTO}/approval",
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 404), expect(MEMBER_B, 404),
                        expect(SUSPENDED_MEMBER, 404), expect(LAPSED_MEMBER, 404), expect(COORDINATOR, 403),
                        expect(REGIONAL_BODY_KANTO, 409), expect(REGIONAL_BODY_OTHER, 404), expect(ADMIN, 409),
                        expect(MACHINE_CLIENT_KANTO, 403)),
                // nothing to clear
                row("POST /api/members/organisations/{APPLIED_IN_KANTO}/duplicate-review/clearance",
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 404), expect(MEMBER_B, 404),
                        expect(SUSPENDED_MEMBER, 404), expect(LAPSED_MEMBER, 404), expect(COORDINATOR, 403),
                        expect(REGIONAL_BODY_KANTO, 409), expect(REGIONAL_BODY_OTHER, 404), expect(ADMIN, 409),
                        expect(MACHINE_CLIENT_KANTO, 403)),
                row("POST /api/members/organisations/{UNKNOWN}/duplicate-review/clearance",
                        expect(ANONYMOUS, 401), expect(MACHINE_CLIENT_KANTO, 403), others(404)),

                // suspension and reinstatement: the approvers; never the member itself
                row("POST /api/members/organisations/{ACTIVE_IN_KANTO}/suspension", SUSPENSION,
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 404), expect(MEMBER_B, 404),
                        expect(SUSPENDED_MEMBER, 404), expect(LAPSED_MEMBER, 404), expect(COORDINATOR, 403),
                        expect(REGIONAL_BODY_KANTO, 200), expect(REGIONAL_BODY_OTHER, 404), expect(ADMIN, 200),
                        expect(MACHINE_CLIENT_KANTO, 403)),
                row("POST /api/members/organisations/{A}/suspension", SUSPENSION,
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 403), expect(MEMBER_B, 404),
                        expect(SUSPENDED_MEMBER, 404), expect(LAPSED_MEMBER, 404), expect(COORDINATOR, 403),
                        expect(REGIONAL_BODY_KANTO, 412), expect(REGIONAL_BODY_OTHER, 404), expect(ADMIN, 412),
                        expect(MACHINE_CLIENT_KANTO, 403))
                        .withHeader("If-Match", STALE_ETAG),
                row("POST /api/members/organisations/{B}/suspension", SUSPENSION,
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 404), expect(MEMBER_B, 403),
                        expect(SUSPENDED_MEMBER, 404), expect(LAPSED_MEMBER, 404), expect(COORDINATOR, 404),
                        expect(REGIONAL_BODY_KANTO, 404), expect(REGIONAL_BODY_OTHER, 412), expect(ADMIN, 412),
                        expect(MACHINE_CLIENT_KANTO, 403))
                        .withHeader("If-Match", STALE_ETAG),
                // only an active membership is suspended
                row("POST /api/members/organisations/{APPLIED_IN_KANTO}/suspension", SUSPENSION,
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 404), expect(MEMBER_B, 404),
                        expect(SUSPENDED_MEMBER, 404), expect(LAPSED_MEMBER, 404), expect(COORDINATOR, 403),
                        expect(REGIONAL_BODY_KANTO, 409), expect(REGIONAL_BODY_OTHER, 404), expect(ADMIN, 409),
                        expect(MACHINE_CLIENT_KANTO, 403)),
                row("POST /api/members/organisations/{UNKNOWN}/suspension", SUSPENSION,
                        expect(ANONYMOUS, 401), expect(MACHINE_CLIENT_KANTO, 403), others(404)),
                row("POST /api/members/organisations/{SUSPENDED_IN_KANTO}/reinstatement",
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 404), expect(MEMBER_B, 404),
                        expect(SUSPENDED_MEMBER, 404), expect(LAPSED_MEMBER, 404), expect(COORDINATOR, 403),
                        expect(REGIONAL_BODY_KANTO, 200), expect(REGIONAL_BODY_OTHER, 404), expect(ADMIN, 200),
                        expect(MACHINE_CLIENT_KANTO, 403)),
                // A is active: nothing to reinstate
                row("POST /api/members/organisations/{A}/reinstatement",
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 403), expect(MEMBER_B, 404),
                        expect(SUSPENDED_MEMBER, 404), expect(LAPSED_MEMBER, 404), expect(COORDINATOR, 403),
                        expect(REGIONAL_BODY_KANTO, 409), expect(REGIONAL_BODY_OTHER, 404), expect(ADMIN, 409),
                        expect(MACHINE_CLIENT_KANTO, 403)),
                row("POST /api/members/organisations/{UNKNOWN}/reinstatement",
                        expect(ANONYMOUS, 401), expect(MACHINE_CLIENT_KANTO, 403), others(404)),

                // withdrawal: the organisation's own people or an administrator, not its regional body
                row("POST /api/members/organisations/{A}/withdrawal", WITHDRAWAL,
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 412), expect(MEMBER_B, 404),
                        expect(SUSPENDED_MEMBER, 404), expect(LAPSED_MEMBER, 404), expect(COORDINATOR, 403),
                        expect(REGIONAL_BODY_KANTO, 403), expect(REGIONAL_BODY_OTHER, 404), expect(ADMIN, 412),
                        expect(MACHINE_CLIENT_KANTO, 403))
                        .withHeader("If-Match", STALE_ETAG),
                row("POST /api/members/organisations/{B}/withdrawal", WITHDRAWAL,
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 404), expect(MEMBER_B, 412),
                        expect(SUSPENDED_MEMBER, 404), expect(LAPSED_MEMBER, 404), expect(COORDINATOR, 404),
                        expect(REGIONAL_BODY_KANTO, 404), expect(REGIONAL_BODY_OTHER, 403), expect(ADMIN, 412),
                        expect(MACHINE_CLIENT_KANTO, 403))
                        .withHeader("If-Match", STALE_ETAG),
                row("POST /api/members/organisations/{ACTIVE_IN_KANTO}/withdrawal", WITHDRAWAL,
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 404), expect(MEMBER_B, 404),
                        expect(SUSPENDED_MEMBER, 404), expect(LAPSED_MEMBER, 404), expect(COORDINATOR, 403),
                        expect(REGIONAL_BODY_KANTO, 403), expect(REGIONAL_BODY_OTHER, 404), expect(ADMIN, 200),
                        expect(MACHINE_CLIENT_KANTO, 403)),
                row("POST /api/members/organisations/{UNKNOWN}/withdrawal", WITHDRAWAL,
                        expect(ANONYMOUS, 401), expect(MACHINE_CLIENT_KANTO, 403), others(404)),

                // renewal: its own people, a regional body of its bureau or an administrator; A and B were approved
                // today, so the window (90 days before expiry) is not open yet: 409 for whoever may renew
                row("POST /api/members/organisations/{A}/renewal",
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 409), expect(MEMBER_B, 404),
                        expect(SUSPENDED_MEMBER, 404), expect(LAPSED_MEMBER, 404), expect(COORDINATOR, 403),
                        expect(REGIONAL_BODY_KANTO, 409), expect(REGIONAL_BODY_OTHER, 404), expect(ADMIN, 409),
                        expect(MACHINE_CLIENT_KANTO, 403)),
                row("POST /api/members/organisations/{B}/renewal",
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 404), expect(MEMBER_B, 409),
                        expect(SUSPENDED_MEMBER, 404), expect(LAPSED_MEMBER, 404), expect(COORDINATOR, 404),
                        expect(REGIONAL_BODY_KANTO, 404), expect(REGIONAL_BODY_OTHER, 409), expect(ADMIN, 409),
                        expect(MACHINE_CLIENT_KANTO, 403)),
                row("POST /api/members/organisations/{UNKNOWN}/renewal",
                        expect(ANONYMOUS, 401), expect(MACHINE_CLIENT_KANTO, 403), others(404)),

                // the profile: its own people or an administrator, with If-Match (the ETag of a read)
                row("PUT /api/members/organisations/{A}/profile", PROFILE_OF_A,
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 200), expect(MEMBER_B, 404),
                        expect(SUSPENDED_MEMBER, 404), expect(LAPSED_MEMBER, 404), expect(COORDINATOR, 403),
                        expect(REGIONAL_BODY_KANTO, 403), expect(REGIONAL_BODY_OTHER, 404), expect(ADMIN, 200),
                        expect(MACHINE_CLIENT_KANTO, 403))
                        .withHeader("If-Match", "{ETAG_OF_A}"),
                row("PUT /api/members/organisations/{A}/profile", PROFILE_OF_A,
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 412), expect(MEMBER_B, 404),
                        expect(SUSPENDED_MEMBER, 404), expect(LAPSED_MEMBER, 404), expect(COORDINATOR, 403),
                        expect(REGIONAL_BODY_KANTO, 403), expect(REGIONAL_BODY_OTHER, 404), expect(ADMIN, 412),
                        expect(MACHINE_CLIENT_KANTO, 403))
                        .withHeader("If-Match", STALE_ETAG),
                row("PUT /api/members/organisations/{B}/profile", PROFILE_OF_B,
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 404), expect(MEMBER_B, 412),
                        expect(SUSPENDED_MEMBER, 404), expect(LAPSED_MEMBER, 404), expect(COORDINATOR, 404),
                        expect(REGIONAL_BODY_KANTO, 404), expect(REGIONAL_BODY_OTHER, 403), expect(ADMIN, 412),
                        expect(MACHINE_CLIENT_KANTO, 403))
                        .withHeader("If-Match", STALE_ETAG),
                // no If-Match: 428 before anything is looked up, for every person
                row("PUT /api/members/organisations/{A}/profile", PROFILE_OF_A,
                        expect(ANONYMOUS, 401), expect(MACHINE_CLIENT_KANTO, 403), others(428)),
                row("PUT /api/members/organisations/{UNKNOWN}/profile", PROFILE_OF_A,
                        expect(ANONYMOUS, 401), expect(MACHINE_CLIENT_KANTO, 403), others(404))
                        .withHeader("If-Match", STALE_ETAG),

                // ---- member-registry: members that are no longer active (SUSPENDED_MEMBER, LAPSED_MEMBER) -------------
                // their people still hold a token that says member (signed in while active): reads of their own
                // organisation go on until it expires (15 minutes; identity issues no new one with the claim) ...
                row("GET /api/members/organisations/{SUSPENDED_MEMBER_ORG}",
                        expect(ANONYMOUS, 401), expect(SUSPENDED_MEMBER, 200), expect(COORDINATOR, 200),
                        expect(REGIONAL_BODY_KANTO, 200), expect(ADMIN, 200), expect(MACHINE_CLIENT_KANTO, 403), others(404)),
                row("GET /api/members/organisations/{LAPSED_MEMBER_ORG}",
                        expect(ANONYMOUS, 401), expect(LAPSED_MEMBER, 200), expect(COORDINATOR, 200),
                        expect(REGIONAL_BODY_KANTO, 200), expect(ADMIN, 200), expect(MACHINE_CLIENT_KANTO, 403), others(404)),
                row("GET /api/members/organisations/{SUSPENDED_MEMBER_ORG}/people",
                        expect(ANONYMOUS, 401), expect(SUSPENDED_MEMBER, 200), expect(COORDINATOR, 403),
                        expect(REGIONAL_BODY_KANTO, 200), expect(ADMIN, 200), expect(MACHINE_CLIENT_KANTO, 403), others(404)),
                // ... but every write on their organisation's behalf is refused at once (403 before the stale
                // If-Match's 412 and the status' 409), while its approvers and administrators keep their powers
                row("PUT /api/members/organisations/{SUSPENDED_MEMBER_ORG}/profile", PROFILE_IN_TOKYO,
                        expect(ANONYMOUS, 401), expect(SUSPENDED_MEMBER, 403), expect(COORDINATOR, 403),
                        expect(REGIONAL_BODY_KANTO, 403), expect(ADMIN, 412), expect(MACHINE_CLIENT_KANTO, 403), others(404))
                        .withHeader("If-Match", STALE_ETAG),
                row("PUT /api/members/organisations/{LAPSED_MEMBER_ORG}/profile", PROFILE_IN_TOKYO,
                        expect(ANONYMOUS, 401), expect(LAPSED_MEMBER, 403), expect(COORDINATOR, 403),
                        expect(REGIONAL_BODY_KANTO, 403), expect(ADMIN, 412), expect(MACHINE_CLIENT_KANTO, 403), others(404))
                        .withHeader("If-Match", STALE_ETAG),
                row("POST /api/members/organisations/{SUSPENDED_MEMBER_ORG}/withdrawal", WITHDRAWAL,
                        expect(ANONYMOUS, 401), expect(SUSPENDED_MEMBER, 403), expect(COORDINATOR, 403),
                        expect(REGIONAL_BODY_KANTO, 403), expect(ADMIN, 409), expect(MACHINE_CLIENT_KANTO, 403), others(404)),
                row("POST /api/members/organisations/{LAPSED_MEMBER_ORG}/withdrawal", WITHDRAWAL,
                        expect(ANONYMOUS, 401), expect(LAPSED_MEMBER, 403), expect(COORDINATOR, 403),
                        expect(REGIONAL_BODY_KANTO, 403), expect(ADMIN, 409), expect(MACHINE_CLIENT_KANTO, 403), others(404)),
                row("POST /api/members/organisations/{SUSPENDED_MEMBER_ORG}/renewal",
                        expect(ANONYMOUS, 401), expect(SUSPENDED_MEMBER, 403), expect(COORDINATOR, 403),
                        expect(REGIONAL_BODY_KANTO, 409), expect(ADMIN, 409), expect(MACHINE_CLIENT_KANTO, 403), others(404)),
                row("POST /api/members/organisations/{LAPSED_MEMBER_ORG}/renewal",
                        expect(ANONYMOUS, 401), expect(LAPSED_MEMBER, 403), expect(COORDINATOR, 403),
                        expect(REGIONAL_BODY_KANTO, 409), expect(ADMIN, 409), expect(MACHINE_CLIENT_KANTO, 403), others(404)),
                // the owner removes nobody (403); nobody removes the owner (the administrator's 409)
                row("DELETE /api/members/organisations/{SUSPENDED_MEMBER_ORG}/people/{SUSPENDED_MEMBER_OWNER}",
                        expect(ANONYMOUS, 401), expect(SUSPENDED_MEMBER, 403), expect(COORDINATOR, 403),
                        expect(REGIONAL_BODY_KANTO, 403), expect(ADMIN, 409), expect(MACHINE_CLIENT_KANTO, 403), others(404)),
                row("DELETE /api/members/organisations/{LAPSED_MEMBER_ORG}/people/{LAPSED_MEMBER_OWNER}",
                        expect(ANONYMOUS, 401), expect(LAPSED_MEMBER, 403), expect(COORDINATOR, 403),
                        expect(REGIONAL_BODY_KANTO, 403), expect(ADMIN, 409), expect(MACHINE_CLIENT_KANTO, 403), others(404)),
                // reinstating is the approvers' (here with a stale If-Match, so that it stays suspended)
                row("POST /api/members/organisations/{SUSPENDED_MEMBER_ORG}/reinstatement",
                        expect(ANONYMOUS, 401), expect(SUSPENDED_MEMBER, 403), expect(COORDINATOR, 403),
                        expect(REGIONAL_BODY_KANTO, 412), expect(ADMIN, 412), expect(MACHINE_CLIENT_KANTO, 403), others(404))
                        .withHeader("If-Match", STALE_ETAG),
                // the lapse check by hand: administrators (people) only
                row("POST /api/members/lapse-checks", expect(ANONYMOUS, 401), expect(ADMIN, 200), others(403)),
                row("GET /api-docs/member-registry", everyone(200)),

                // ---- member-registry: the cluster catalogue (anyone reads; administrators, people, maintain it) --------
                row("GET /api/members/clusters", everyone(200)),
                row("GET /api/members/clusters/{CLUSTER}", everyone(200)),
                row("GET /api/members/clusters/{UNKNOWN}", everyone(404)),
                row("POST /api/members/clusters", NEW_CLUSTER, expect(ANONYMOUS, 401), expect(ADMIN, 201), others(403)),
                // the matrix sends no If-Match: an administrator gets as far as 428 (ClusterCatalogueIT covers If-Match)
                row("PUT /api/members/clusters/{CLUSTER}", CLUSTER_REPLACEMENT,
                        expect(ANONYMOUS, 401), expect(ADMIN, 428), others(403)),

                // ---- identity: administration (ADMIN only, at the gateway and again in identity) -----------------------
                row("GET /api/identity/admin/accounts", expect(ANONYMOUS, 401), expect(ADMIN, 200), others(403)),
                row("POST /api/identity/admin/accounts", NEW_COORDINATOR,
                        expect(ANONYMOUS, 401), expect(ADMIN, 201), others(403)),
                row("GET /api/identity/admin/clients", expect(ANONYMOUS, 401), expect(ADMIN, 200), others(403)),
                row("POST /api/identity/admin/clients", NEW_MACHINE_CLIENT,
                        expect(ANONYMOUS, 401), expect(ADMIN, 201), others(403)),
                row("GET /api/identity/admin/signing-keys", expect(ANONYMOUS, 401), expect(ADMIN, 200), others(403)),
                // harmless mid-matrix: tokens signed with the retired key stay valid (FrontDoorIT checks it in detail)
                row("POST /api/identity/admin/signing-keys/rotation", expect(ANONYMOUS, 401), expect(ADMIN, 200), others(403)),

                // ---- identity: invitations (someone acting for the organisation, or an administrator) ----------------
                row("POST /api/identity/invitations", INVITATION_TO_A,
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 202), expect(MEMBER_B, 403),
                        expect(SUSPENDED_MEMBER, 403), expect(LAPSED_MEMBER, 403), expect(COORDINATOR, 403),
                        expect(REGIONAL_BODY_KANTO, 403), expect(REGIONAL_BODY_OTHER, 403), expect(ADMIN, 202),
                        expect(MACHINE_CLIENT_KANTO, 403)),
                row("POST /api/identity/invitations", INVITATION_TO_B,
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 403), expect(MEMBER_B, 202),
                        expect(SUSPENDED_MEMBER, 403), expect(LAPSED_MEMBER, 403), expect(COORDINATOR, 403),
                        expect(REGIONAL_BODY_KANTO, 403), expect(REGIONAL_BODY_OTHER, 403), expect(ADMIN, 202),
                        expect(MACHINE_CLIENT_KANTO, 403)),
                // anonymous: the token is the credential; an unknown one is a 400 for anyone
                row("POST /api/identity/invitations/{UNKNOWN_TOKEN}", ACCEPTANCE, everyone(400)),

                // ---- identity: the person's own preferences (a person's token; a machine has no language) ---------------
                row("PUT /api/identity/me/language", LANGUAGE, expect(ANONYMOUS, 401), expect(MACHINE_CLIENT_KANTO, 403), others(204)),

                // ---- identity: passwords (anonymous; no account enumeration) ------------------------------------------
                row("POST /api/identity/password-resets", RESET_REQUEST, everyone(202)),
                row("POST /api/identity/password-resets/{UNKNOWN_TOKEN}", NEW_PASSWORD, everyone(400)),
                // the first administrator's set-up link (anonymous: the token is the credential); on this platform an
                // administrator exists, so the link is closed for everyone
                row("GET /api/identity/first-administrator/setup", everyone(404)),
                row("POST /api/identity/first-administrator", FIRST_ADMINISTRATOR, everyone(404)),
                row("GET /api-docs/identity", everyone(200)),

                // ---- business-matching: partnering profiles (A is in Kanto, the coordinator's bureau) ----------------
                // the member's people and a coordinator of its bureau draft for it (so may an administrator); a
                // regional body sees the member but does not act for it; anyone else is told it does not exist
                row("POST /api/matching/profiles", DRAFT_FOR_A,
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 201), expect(MEMBER_B, 404),
                        expect(SUSPENDED_MEMBER, 404), expect(LAPSED_MEMBER, 404), expect(COORDINATOR, 201),
                        expect(REGIONAL_BODY_KANTO, 403), expect(REGIONAL_BODY_OTHER, 404), expect(ADMIN, 201),
                        expect(MACHINE_CLIENT_KANTO, 403)),
                // a published profile: in full for its side, anonymously for the people of active members and for
                // staff; the people of a member that is no longer active are refused at once
                row("GET /api/matching/profiles/{PROFILE_OF_A}",
                        expect(ANONYMOUS, 401), expect(SUSPENDED_MEMBER, 403), expect(LAPSED_MEMBER, 403),
                        expect(MACHINE_CLIENT_KANTO, 403), others(200)),
                row("GET /api/matching/profiles?keywords=E2E",
                        expect(ANONYMOUS, 401), expect(SUSPENDED_MEMBER, 403), expect(LAPSED_MEMBER, 403),
                        expect(MACHINE_CLIENT_KANTO, 403), others(200)),
                // withdrawing with a stale If-Match: who may act gets as far as 412, and the profile stays published
                row("POST /api/matching/profiles/{PROFILE_OF_A}/withdrawal",
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 412), expect(COORDINATOR, 412), expect(ADMIN, 412),
                        expect(REGIONAL_BODY_KANTO, 403), expect(MACHINE_CLIENT_KANTO, 403), others(404))
                        .withHeader("If-Match", STALE_ETAG),
                row("GET /api/matching/members/{A}/profiles",
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 200), expect(COORDINATOR, 200),
                        expect(REGIONAL_BODY_KANTO, 200), expect(ADMIN, 200), expect(MACHINE_CLIENT_KANTO, 403),
                        others(404)),
                row("GET /api/matching/members/{A}/proposals",
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 200), expect(COORDINATOR, 200),
                        expect(REGIONAL_BODY_KANTO, 200), expect(ADMIN, 200), expect(MACHINE_CLIENT_KANTO, 403),
                        others(404)),
                // interests and the inbox belong to the member's own people
                row("GET /api/matching/members/{A}/interests?direction=RECEIVED",
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 200), expect(MACHINE_CLIENT_KANTO, 403), others(404)),
                row("GET /api/matching/members/{A}/inbox",
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 200), expect(MACHINE_CLIENT_KANTO, 403), others(404)),
                // only B's own people express B's interest (in A's profile); A's own profile is not B's to answer for
                row("POST /api/matching/interests", INTEREST_OF_B,
                        expect(ANONYMOUS, 401), expect(MEMBER_B, 201), others(403)),
                row("GET /api/matching/interests/{UNKNOWN}",
                        expect(ANONYMOUS, 401), expect(MACHINE_CLIENT_KANTO, 403), others(404)),
                row("GET /api-docs/business-matching", everyone(200)),

                // ---- coordination: the roster (administrators, a regional body for its bureau, a coordinator their own
                // entry); members have no business with it, machines never
                row("GET /api/coordination/coordinators",
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 403), expect(MEMBER_B, 403),
                        expect(SUSPENDED_MEMBER, 403), expect(LAPSED_MEMBER, 403), expect(COORDINATOR, 200),
                        expect(REGIONAL_BODY_KANTO, 200), expect(REGIONAL_BODY_OTHER, 200), expect(ADMIN, 200),
                        expect(MACHINE_CLIENT_KANTO, 403)),
                row("GET /api/coordination/coordinators/{UNKNOWN}",
                        expect(ANONYMOUS, 401), expect(MACHINE_CLIENT_KANTO, 403), others(404)),
                // ---- coordination: cases (CaseAccess). {CASE_OF_A}: organisation A and a Kanto partner, so the Kanto
                // bureau's only, assigned to COORDINATOR; {QUEUED_CASE_OF_A}: the same parties, back in the Kanto
                // queue (nobody's assignment); {CASE_OF_B}: B and a Kinki partner, in the Kinki queue. A coordinator
                // sees and works only the cases assigned to them, a regional body oversees its bureau's, the two
                // members read theirs (without the internal log), administrators everything; the rest are told the
                // case does not exist. Changes other than notes go with a stale If-Match: whoever may make them gets
                // 412 and the shared cases stay as they are (the real changes are in CoordinationCaseIT).
                // "my cases" are a coordinator's or a member's (a member's token lists its own organisation's cases:
                // none for the suspended and lapsed members' organisations)
                row("GET /api/coordination/cases",
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 200), expect(MEMBER_B, 200),
                        expect(SUSPENDED_MEMBER, 200), expect(LAPSED_MEMBER, 200), expect(COORDINATOR, 200),
                        expect(REGIONAL_BODY_KANTO, 403), expect(REGIONAL_BODY_OTHER, 403), expect(ADMIN, 403),
                        expect(MACHINE_CLIENT_KANTO, 403)),
                row("GET /api/coordination/cases?view=mine&stage=NEGOTIATING&limit=10",
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 200), expect(MEMBER_B, 200),
                        expect(SUSPENDED_MEMBER, 200), expect(LAPSED_MEMBER, 200), expect(COORDINATOR, 200),
                        expect(REGIONAL_BODY_KANTO, 403), expect(REGIONAL_BODY_OTHER, 403), expect(ADMIN, 403),
                        expect(MACHINE_CLIENT_KANTO, 403)),
                // a bureau's queue, overdue and escalated cases: its regional body (a person) and administrators
                row("GET /api/coordination/cases?view=queue&bureau=kanto",
                        expect(ANONYMOUS, 401), expect(REGIONAL_BODY_KANTO, 200), expect(ADMIN, 200), others(403)),
                row("GET /api/coordination/cases?view=overdue&bureau=kanto",
                        expect(ANONYMOUS, 401), expect(REGIONAL_BODY_KANTO, 200), expect(ADMIN, 200), others(403)),
                row("GET /api/coordination/cases?view=escalated&bureau=kanto",
                        expect(ANONYMOUS, 401), expect(REGIONAL_BODY_KANTO, 200), expect(ADMIN, 200), others(403)),
                row("GET /api/coordination/cases?view=queue&bureau=kinki",
                        expect(ANONYMOUS, 401), expect(REGIONAL_BODY_OTHER, 200), expect(ADMIN, 200), others(403)),
                // workloads: one's own is a coordinator's; a bureau's is its regional body's and administrators'
                row("GET /api/coordination/cases/workload", expect(ANONYMOUS, 401), expect(COORDINATOR, 200), others(403)),
                row("GET /api/coordination/cases/workload/kanto",
                        expect(ANONYMOUS, 401), expect(REGIONAL_BODY_KANTO, 200), expect(ADMIN, 200), others(403)),
                row("GET /api/coordination/cases/workload/kinki",
                        expect(ANONYMOUS, 401), expect(REGIONAL_BODY_OTHER, 200), expect(ADMIN, 200), others(403)),
                // one case
                row("GET /api/coordination/cases/{CASE_OF_A}",
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 200), expect(COORDINATOR, 200),
                        expect(REGIONAL_BODY_KANTO, 200), expect(ADMIN, 200), expect(MACHINE_CLIENT_KANTO, 403),
                        others(404)),
                row("GET /api/coordination/cases/{QUEUED_CASE_OF_A}",
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 200), expect(REGIONAL_BODY_KANTO, 200),
                        expect(ADMIN, 200), expect(MACHINE_CLIENT_KANTO, 403), others(404)),
                row("GET /api/coordination/cases/{CASE_OF_B}",
                        expect(ANONYMOUS, 401), expect(MEMBER_B, 200), expect(REGIONAL_BODY_OTHER, 200),
                        expect(ADMIN, 200), expect(MACHINE_CLIENT_KANTO, 403), others(404)),
                row("GET /api/coordination/cases/{UNKNOWN}",
                        expect(ANONYMOUS, 401), expect(MACHINE_CLIENT_KANTO, 403), others(404)),
                // acceptance, decline and stages: the assigned coordinator only; who else sees the case gets 403
                row("POST /api/coordination/cases/{CASE_OF_A}/acceptance",
                        expect(ANONYMOUS, 401), expect(COORDINATOR, 412), expect(MEMBER_A, 403),
                        expect(REGIONAL_BODY_KANTO, 403), expect(ADMIN, 403), expect(MACHINE_CLIENT_KANTO, 403),
                        others(404))
                        .withHeader("If-Match", STALE_ETAG),
                // nobody's: nobody accepts it (no If-Match, so no refusal here is about the version)
                row("POST /api/coordination/cases/{QUEUED_CASE_OF_A}/acceptance",
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 403), expect(REGIONAL_BODY_KANTO, 403),
                        expect(ADMIN, 403), expect(MACHINE_CLIENT_KANTO, 403), others(404)),
                row("POST /api/coordination/cases/{UNKNOWN}/acceptance",
                        expect(ANONYMOUS, 401), expect(MACHINE_CLIENT_KANTO, 403), others(404)),
                row("POST /api/coordination/cases/{CASE_OF_A}/decline", CASE_DECLINE,
                        expect(ANONYMOUS, 401), expect(COORDINATOR, 412), expect(MEMBER_A, 403),
                        expect(REGIONAL_BODY_KANTO, 403), expect(ADMIN, 403), expect(MACHINE_CLIENT_KANTO, 403),
                        others(404))
                        .withHeader("If-Match", STALE_ETAG),
                row("POST /api/coordination/cases/{CASE_OF_A}/stage", CASE_STAGE,
                        expect(ANONYMOUS, 401), expect(COORDINATOR, 412), expect(MEMBER_A, 403),
                        expect(REGIONAL_BODY_KANTO, 403), expect(ADMIN, 403), expect(MACHINE_CLIENT_KANTO, 403),
                        others(404))
                        .withHeader("If-Match", STALE_ETAG),
                // closing: the assigned coordinator, the case's bureaus' regional bodies, administrators
                row("POST /api/coordination/cases/{CASE_OF_A}/closure", CASE_CLOSURE,
                        expect(ANONYMOUS, 401), expect(COORDINATOR, 412), expect(REGIONAL_BODY_KANTO, 412),
                        expect(ADMIN, 412), expect(MEMBER_A, 403), expect(MACHINE_CLIENT_KANTO, 403), others(404))
                        .withHeader("If-Match", STALE_ETAG),
                row("POST /api/coordination/cases/{CASE_OF_B}/closure", CASE_CLOSURE,
                        expect(ANONYMOUS, 401), expect(REGIONAL_BODY_OTHER, 412), expect(ADMIN, 412),
                        expect(MEMBER_B, 403), expect(MACHINE_CLIENT_KANTO, 403), others(404))
                        .withHeader("If-Match", STALE_ETAG),
                // notes: as closing; a real note (the log keeps up to 500)
                row("POST /api/coordination/cases/{CASE_OF_A}/notes", CASE_NOTE,
                        expect(ANONYMOUS, 401), expect(COORDINATOR, 201), expect(REGIONAL_BODY_KANTO, 201),
                        expect(ADMIN, 201), expect(MEMBER_A, 403), expect(MACHINE_CLIENT_KANTO, 403), others(404)),
                row("POST /api/coordination/cases/{QUEUED_CASE_OF_A}/notes", CASE_NOTE,
                        expect(ANONYMOUS, 401), expect(REGIONAL_BODY_KANTO, 201), expect(ADMIN, 201),
                        expect(MEMBER_A, 403), expect(MACHINE_CLIENT_KANTO, 403), others(404)),
                // reassignment by hand: the case's bureaus' regional bodies and administrators
                row("POST /api/coordination/cases/{CASE_OF_A}/reassignment", CASE_TO_QUEUE,
                        expect(ANONYMOUS, 401), expect(REGIONAL_BODY_KANTO, 412), expect(ADMIN, 412),
                        expect(COORDINATOR, 403), expect(MEMBER_A, 403), expect(MACHINE_CLIENT_KANTO, 403),
                        others(404))
                        .withHeader("If-Match", STALE_ETAG),
                row("POST /api/coordination/cases/{CASE_OF_B}/reassignment", CASE_TO_QUEUE,
                        expect(ANONYMOUS, 401), expect(REGIONAL_BODY_OTHER, 412), expect(ADMIN, 412),
                        expect(MEMBER_B, 403), expect(MACHINE_CLIENT_KANTO, 403), others(404))
                        .withHeader("If-Match", STALE_ETAG),
                // the case inbox: every person reads and clears what was addressed to them (their subject, a member
                // they act for, a regional body's bureaus); machines never
                row("GET /api/coordination/inbox",
                        expect(ANONYMOUS, 401), expect(MACHINE_CLIENT_KANTO, 403), others(200)),
                row("POST /api/coordination/inbox/read",
                        expect(ANONYMOUS, 401), expect(MACHINE_CLIENT_KANTO, 403), others(204)),
                row("GET /api-docs/coordination", everyone(200)),

                // ---- event feeds: regional bodies (their people and machine clients) and administrators -------------
                // each reads its bureaus' public events; members and coordinators no feed (the gateway's rule, and the
                // service's again). The stream is probed with a cursor it never gave out, so no cell waits on a stream
                row("GET /api/feeds/events?limit=5",
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 403), expect(MEMBER_B, 403),
                        expect(SUSPENDED_MEMBER, 403), expect(LAPSED_MEMBER, 403), expect(COORDINATOR, 403),
                        others(200)),
                row("GET /api/feeds/stream?after=not-a-cursor",
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 403), expect(MEMBER_B, 403),
                        expect(SUSPENDED_MEMBER, 403), expect(LAPSED_MEMBER, 403), expect(COORDINATOR, 403),
                        others(400)),
                // the regional KPIs as of a day, JSON and CSV: the same callers; each body gets its bureaus' figures
                row("GET /api/feeds/kpis",
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 403), expect(MEMBER_B, 403),
                        expect(SUSPENDED_MEMBER, 403), expect(LAPSED_MEMBER, 403), expect(COORDINATOR, 403),
                        others(200)),
                row("GET /api/feeds/kpis.csv?asOf=2026-01-31",
                        expect(ANONYMOUS, 401), expect(MEMBER_A, 403), expect(MEMBER_B, 403),
                        expect(SUSPENDED_MEMBER, 403), expect(LAPSED_MEMBER, 403), expect(COORDINATOR, 403),
                        others(200)),
                row("GET /api-docs/event-feeds", everyone(200)),

                // ---- event feeds: webhook subscriptions ------------------------------------------------------------------
                // a regional body (its people and its machine clients alike) manages the subscriptions whose bureaus
                // are all its own; another body's is a 404; administrators manage all; members and coordinators none
                // (the gateway's rule, and the service's again). {SUBSCRIPTION_OF_KANTO} was made by the Kanto regional
                // body, {SUBSCRIPTION_OF_KINKI} by the Kinki one, each with a delivery in its log
                // ({DELIVERY_OF_KANTO}, {DELIVERY_OF_KINKI}); {SUBSCRIPTION_OF_KYUSHU} by a Kyushu regional body no
                // actor is. {NEW_SUBSCRIPTION_OF_*} are made afresh for each cell that deletes one.
                row("POST /api/feeds/subscriptions", NEW_SUBSCRIPTION,
                        expect(ANONYMOUS, 401), expect(REGIONAL_BODY_KANTO, 201), expect(REGIONAL_BODY_OTHER, 201),
                        expect(ADMIN, 201), expect(MACHINE_CLIENT_KANTO, 201), others(403)),
                // a filter or bureau list never widens what a body's bureaus may see: another bureau's events are 403
                row("POST /api/feeds/subscriptions", NEW_SUBSCRIPTION_FOR_KINKI,
                        expect(ANONYMOUS, 401), expect(REGIONAL_BODY_OTHER, 201), expect(ADMIN, 201), others(403)),
                row("GET /api/feeds/subscriptions",
                        expect(ANONYMOUS, 401), expect(REGIONAL_BODY_KANTO, 200), expect(REGIONAL_BODY_OTHER, 200),
                        expect(ADMIN, 200), expect(MACHINE_CLIENT_KANTO, 200), others(403)),
                row("GET /api/feeds/subscriptions/{SUBSCRIPTION_OF_KANTO}",
                        expect(ANONYMOUS, 401), expect(REGIONAL_BODY_KANTO, 200), expect(MACHINE_CLIENT_KANTO, 200),
                        expect(ADMIN, 200), expect(REGIONAL_BODY_OTHER, 404), others(403)),
                row("GET /api/feeds/subscriptions/{SUBSCRIPTION_OF_KINKI}",
                        expect(ANONYMOUS, 401), expect(REGIONAL_BODY_OTHER, 200), expect(ADMIN, 200),
                        expect(REGIONAL_BODY_KANTO, 404), expect(MACHINE_CLIENT_KANTO, 404), others(403)),
                row("GET /api/feeds/subscriptions/{SUBSCRIPTION_OF_KYUSHU}",
                        expect(ANONYMOUS, 401), expect(ADMIN, 200), expect(REGIONAL_BODY_KANTO, 404),
                        expect(REGIONAL_BODY_OTHER, 404), expect(MACHINE_CLIENT_KANTO, 404), others(403)),
                row("GET /api/feeds/subscriptions/{UNKNOWN}",
                        expect(ANONYMOUS, 401), expect(REGIONAL_BODY_KANTO, 404), expect(REGIONAL_BODY_OTHER, 404),
                        expect(ADMIN, 404), expect(MACHINE_CLIENT_KANTO, 404), others(403)),
                row("DELETE /api/feeds/subscriptions/{NEW_SUBSCRIPTION_OF_KANTO}",
                        expect(ANONYMOUS, 401), expect(REGIONAL_BODY_KANTO, 204), expect(MACHINE_CLIENT_KANTO, 204),
                        expect(ADMIN, 204), expect(REGIONAL_BODY_OTHER, 404), others(403)),
                row("DELETE /api/feeds/subscriptions/{NEW_SUBSCRIPTION_OF_KINKI}",
                        expect(ANONYMOUS, 401), expect(REGIONAL_BODY_OTHER, 204), expect(ADMIN, 204),
                        expect(REGIONAL_BODY_KANTO, 404), expect(MACHINE_CLIENT_KANTO, 404), others(403)),
                row("DELETE /api/feeds/subscriptions/{UNKNOWN}",
                        expect(ANONYMOUS, 401), expect(REGIONAL_BODY_KANTO, 404), expect(REGIONAL_BODY_OTHER, 404),
                        expect(ADMIN, 404), expect(MACHINE_CLIENT_KANTO, 404), others(403)),
                // the rotated secret is in the answer only; the previous one keeps signing for the overlap
                row("POST /api/feeds/subscriptions/{SUBSCRIPTION_OF_KANTO}/secret",
                        expect(ANONYMOUS, 401), expect(REGIONAL_BODY_KANTO, 200), expect(MACHINE_CLIENT_KANTO, 200),
                        expect(ADMIN, 200), expect(REGIONAL_BODY_OTHER, 404), others(403)),
                row("POST /api/feeds/subscriptions/{SUBSCRIPTION_OF_KINKI}/secret",
                        expect(ANONYMOUS, 401), expect(REGIONAL_BODY_OTHER, 200), expect(ADMIN, 200),
                        expect(REGIONAL_BODY_KANTO, 404), expect(MACHINE_CLIENT_KANTO, 404), others(403)),
                row("POST /api/feeds/subscriptions/{UNKNOWN}/secret",
                        expect(ANONYMOUS, 401), expect(REGIONAL_BODY_KANTO, 404), expect(REGIONAL_BODY_OTHER, 404),
                        expect(ADMIN, 404), expect(MACHINE_CLIENT_KANTO, 404), others(403)),
                // enabling an active subscription changes nothing (200)
                row("POST /api/feeds/subscriptions/{SUBSCRIPTION_OF_KANTO}/enable",
                        expect(ANONYMOUS, 401), expect(REGIONAL_BODY_KANTO, 200), expect(MACHINE_CLIENT_KANTO, 200),
                        expect(ADMIN, 200), expect(REGIONAL_BODY_OTHER, 404), others(403)),
                row("POST /api/feeds/subscriptions/{SUBSCRIPTION_OF_KINKI}/enable",
                        expect(ANONYMOUS, 401), expect(REGIONAL_BODY_OTHER, 200), expect(ADMIN, 200),
                        expect(REGIONAL_BODY_KANTO, 404), expect(MACHINE_CLIENT_KANTO, 404), others(403)),
                row("POST /api/feeds/subscriptions/{UNKNOWN}/enable",
                        expect(ANONYMOUS, 401), expect(REGIONAL_BODY_KANTO, 404), expect(REGIONAL_BODY_OTHER, 404),
                        expect(ADMIN, 404), expect(MACHINE_CLIENT_KANTO, 404), others(403)),
                // the delivery log
                row("GET /api/feeds/subscriptions/{SUBSCRIPTION_OF_KANTO}/deliveries?limit=5",
                        expect(ANONYMOUS, 401), expect(REGIONAL_BODY_KANTO, 200), expect(MACHINE_CLIENT_KANTO, 200),
                        expect(ADMIN, 200), expect(REGIONAL_BODY_OTHER, 404), others(403)),
                row("GET /api/feeds/subscriptions/{SUBSCRIPTION_OF_KINKI}/deliveries",
                        expect(ANONYMOUS, 401), expect(REGIONAL_BODY_OTHER, 200), expect(ADMIN, 200),
                        expect(REGIONAL_BODY_KANTO, 404), expect(MACHINE_CLIENT_KANTO, 404), others(403)),
                row("GET /api/feeds/subscriptions/{UNKNOWN}/deliveries",
                        expect(ANONYMOUS, 401), expect(REGIONAL_BODY_KANTO, 404), expect(REGIONAL_BODY_OTHER, 404),
                        expect(ADMIN, 404), expect(MACHINE_CLIENT_KANTO, 404), others(403)),
                // replaying one delivery: sent again with its webhook-id; a delivery of another subscription is not
                // in this one's log (404, even for the administrator)
                row("POST /api/feeds/subscriptions/{SUBSCRIPTION_OF_KANTO}/deliveries/{DELIVERY_OF_KANTO}/replay",
                        expect(ANONYMOUS, 401), expect(REGIONAL_BODY_KANTO, 202), expect(MACHINE_CLIENT_KANTO, 202),
                        expect(ADMIN, 202), expect(REGIONAL_BODY_OTHER, 404), others(403)),
                row("POST /api/feeds/subscriptions/{SUBSCRIPTION_OF_KINKI}/deliveries/{DELIVERY_OF_KINKI}/replay",
                        expect(ANONYMOUS, 401), expect(REGIONAL_BODY_OTHER, 202), expect(ADMIN, 202),
                        expect(REGIONAL_BODY_KANTO, 404), expect(MACHINE_CLIENT_KANTO, 404), others(403)),
                row("POST /api/feeds/subscriptions/{SUBSCRIPTION_OF_KINKI}/deliveries/{DELIVERY_OF_KANTO}/replay",
                        expect(ANONYMOUS, 401), expect(REGIONAL_BODY_OTHER, 404), expect(ADMIN, 404),
                        expect(REGIONAL_BODY_KANTO, 404), expect(MACHINE_CLIENT_KANTO, 404), others(403)),
                row("POST /api/feeds/subscriptions/{SUBSCRIPTION_OF_KANTO}/deliveries/{UNKNOWN}/replay",
                        expect(ANONYMOUS, 401), expect(REGIONAL_BODY_KANTO, 404), expect(MACHINE_CLIENT_KANTO, 404),
                        expect(ADMIN, 404), expect(REGIONAL_BODY_OTHER, 404), others(403)),
                // replaying a time range (one that holds nothing, so no cell waits for another's replay to end)
                row("POST /api/feeds/subscriptions/{SUBSCRIPTION_OF_KANTO}/replays", EMPTY_REPLAY_RANGE,
                        expect(ANONYMOUS, 401), expect(REGIONAL_BODY_KANTO, 202), expect(MACHINE_CLIENT_KANTO, 202),
                        expect(ADMIN, 202), expect(REGIONAL_BODY_OTHER, 404), others(403)),
                row("POST /api/feeds/subscriptions/{SUBSCRIPTION_OF_KINKI}/replays", EMPTY_REPLAY_RANGE,
                        expect(ANONYMOUS, 401), expect(REGIONAL_BODY_OTHER, 202), expect(ADMIN, 202),
                        expect(REGIONAL_BODY_KANTO, 404), expect(MACHINE_CLIENT_KANTO, 404), others(403)),
                row("POST /api/feeds/subscriptions/{UNKNOWN}/replays", EMPTY_REPLAY_RANGE,
                        expect(ANONYMOUS, 401), expect(REGIONAL_BODY_KANTO, 404), expect(REGIONAL_BODY_OTHER, 404),
                        expect(ADMIN, 404), expect(MACHINE_CLIENT_KANTO, 404), others(403)),

                // ---- identity: OpenID Connect and the sign-in pages ---------------------------------------------------
                row("GET /.well-known/openid-configuration", everyone(200)),
                row("GET /.well-known/oauth-authorization-server", everyone(200)),
                row("GET /oauth2/jwks", everyone(200)),
                // people's tokens (scope openid); a machine's token has no openid scope. The people of a suspended or
                // lapsed member acted only for it: identity removed their authorizations, so user info no longer
                // knows their token (401) though the registry still reads it until it expires
                row("GET /userinfo", expect(ANONYMOUS, 401), expect(MACHINE_CLIENT_KANTO, 403),
                        expect(SUSPENDED_MEMBER, 401), expect(LAPSED_MEMBER, 401), others(200)),
                // an authorization request without its parameters
                row("GET /oauth2/authorize", everyone(400)),
                row("GET /login", everyone(200)),
                // no confirmation page of its own (the portal signs out through /connect/logout): to the sign-in page
                row("GET /logout", everyone(302)),

                // ---- the portal's pages ----------------------------------------------------------------------------------
                // the portal signs people in itself and keeps their tokens in its session: a bearer token is no session,
                // so every caller here is a visitor. Public pages answer 200, every other page sends to sign-in, and a
                // form without the session's CSRF token is refused (403, a page). What a signed-in person may see
                // through the portal is checked in the browser (PortalJourneysIT, journey 4).
                row("GET /", everyone(200)).asPage(),
                row("GET /assets/portal.css", everyone(200)).asPage(),
                row("GET /setup", everyone(200)).asPage(),
                row("GET /sign-in/iinj", everyone(302)).asPage(),
                row("GET /organisations/{A}", everyone(302)).asPage(),
                row("GET /organisations/{B}/profile", everyone(302)).asPage(),
                row("GET /regional/applications", everyone(302)).asPage(),
                row("GET /regional/imports", everyone(302)).asPage(),
                row("GET /admin/clusters", everyone(302)).asPage(),
                row("GET /admin/accounts", everyone(302)).asPage(),
                row("GET /admin/coordinators", everyone(302)).asPage(),
                row("GET /regional/coordination", everyone(302)).asPage(),
                row("GET /regional/kpis", everyone(302)).asPage(),
                row("GET /regional/kpis.csv", everyone(302)).asPage(),
                row("GET /coordination/cases", everyone(302)).asPage(),
                // event feeds' pages (regional bodies and administrators): the live feed, its relay of the stream
                // (the browser's EventSource is a visitor without the session too) and the webhook subscriptions
                row("GET /regional/feed", everyone(302)).asPage(),
                row("GET /regional/feed/stream", everyone(302)).asPage(),
                row("GET /regional/subscriptions", everyone(302)).asPage(),
                row("GET /regional/subscriptions/new", everyone(302)).asPage(),
                row("POST /regional/subscriptions", everyone(403)).asPage(),
                row("POST /language", everyone(403)).asPage(),
                row("POST /sign-out", everyone(403)).asPage(),

                // ---- the gateway's own ----------------------------------------------------------------------------------
                row("GET /actuator/health", everyone(200)),
                row("GET /actuator/info", expect(ANONYMOUS, 401), expect(ADMIN, 200), others(403)),
                row("GET /actuator/metrics", expect(ANONYMOUS, 401), expect(ADMIN, 200), others(403)),
                row("GET /actuator/prometheus", expect(ANONYMOUS, 401), expect(ADMIN, 200), others(403)),
                row("GET /swagger-ui.html", everyone(302)),
                row("GET /swagger-ui/index.html", everyone(200)),
                row("GET /v3/api-docs/swagger-config", everyone(200)),
                // no route: a token is needed before the gateway says there is nothing here
                row("GET /api/no-such-area/anything", expect(ANONYMOUS, 401), others(404)));
    }

    private static Actors actors;
    private static String cluster;
    private static String profileOfA;
    private static String caseOfA;
    private static String queuedCaseOfA;
    private static String caseOfB;
    private static Fixture subscriptionOfKanto;
    private static Fixture subscriptionOfKinki;
    private static String subscriptionOfKyushu;

    @BeforeAll
    static void actors(Actors setUp) {
        actors = setUp;
        // the registry learns each owner from identity's person-joined-member event, some time after the approval
        awaitOwnerInPeopleList(actors.organisationA(), MEMBER_A);
        awaitOwnerInPeopleList(actors.suspendedOrganisation(), SUSPENDED_MEMBER);
        awaitOwnerInPeopleList(actors.lapsedOrganisation(), LAPSED_MEMBER);
    }

    private static void awaitOwnerInPeopleList(String organisationId, Actor ownerActor) {
        String owner = Jwt.decode(actors.token(ownerActor)).subject();
        await(ownerActor + "'s owner in the registry's people list").atMost(Duration.ofSeconds(60))
                .until(() -> actors.frontDoor().get("/api/members/organisations/" + organisationId + "/people",
                        actors.token(ADMIN)).body(), body -> body != null && body.contains(owner));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("matrix")
    void answers_as_designed(Cell cell) {
        Map<String, String> values = valuesFor(cell);
        Answer answer = actors.frontDoor().send(cell.row().method(), cell.path(values), actors.token(cell.actor()),
                cell.body(values), cell.headers(values));

        assertThat(answer.status()).as("%s as %s: %s", cell.row(), cell.actor(), answer).isEqualTo(cell.expectedStatus());
        if (cell.row().page()) {
            // a person never sees a problem body: pages answer pages, and send to sign-in (at identity) when needed
            if (answer.status() == 302 && !cell.row().path().startsWith("/sign-in/")) {
                assertThat(answer.header("Location").orElse("")).as("redirect as %s: %s", cell.actor(), answer).contains("/sign-in/iinj");
            }
            if (answer.status() >= 400 || answer.status() == 200 && !cell.row().path().startsWith("/assets/")) {
                assertThat(answer.contentType()).as("a page as %s: %s", cell.actor(), answer).startsWith("text/html");
            }
            return;
        }
        // the OAuth 2.0 / OIDC protocol endpoints keep their RFCs' error format ({"error": ...})
        if (answer.status() >= 400 && !cell.row().path().startsWith("/oauth2/") && !cell.row().path().equals("/userinfo")) {
            assertThat(answer.isProblem()).as("problem+json as %s: %s", cell.actor(), answer).isTrue();
            assertThat(answer.json().path("status").asInt()).as("status in the problem as %s: %s", cell.actor(), answer).isEqualTo(answer.status());
        }
    }

    /**
     * Paths that try to walk from a path the gateway lets through anonymously (or to anyone) into one it guards:
     * refused, for the anonymous caller and for a member alike, with a problem like every other refusal.
     */
    @Test
    void paths_that_walk_around_the_access_rules_are_refused_with_a_problem() {
        SoftAssertions softly = new SoftAssertions();
        for (String path : List.of(
                "/api/identity/invitations/../admin/clients",
                "/api/identity/invitations/..%2Fadmin%2Fclients",
                "/api/identity/password-resets/%2e%2e/admin/signing-keys",
                "/actuator/health/../prometheus",
                "/api/members/organisations/..;/..;/identity/admin/clients")) {
            for (Actor actor : List.of(ANONYMOUS, MEMBER_A)) {
                Answer answer = actors.frontDoor().get(path, actors.token(actor));
                softly.assertThat(answer.status()).as("as %s: %s", actor, answer).isBetween(400, 499);
                softly.assertThat(answer.isProblem()).as("problem+json as %s: %s", actor, answer).isTrue();
            }
        }
        softly.assertAll();
    }

    /**
     * The lists answer 200 to more callers than any one case: what is in them follows the same rules. A coordinator's
     * "my cases" holds the cases assigned to them, a member's its own organisation's, a bureau's queue that bureau's;
     * members read their case without the internal log.
     */
    @Test
    void the_case_lists_hold_only_the_cases_the_caller_may_see() {
        String assigned = caseOfA();
        String queued = queuedCaseOfA();
        String ofB = caseOfB();
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(Coordination.caseIds(actors.frontDoor().get(Coordination.CASES, actors.token(COORDINATOR))))
                .as("COORDINATOR's cases").contains(assigned).doesNotContain(queued, ofB);
        softly.assertThat(Coordination.caseIds(actors.frontDoor().get(Coordination.CASES, actors.token(MEMBER_A))))
                .as("MEMBER_A's cases").contains(assigned, queued).doesNotContain(ofB);
        softly.assertThat(Coordination.caseIds(actors.frontDoor().get(Coordination.CASES, actors.token(MEMBER_B))))
                .as("MEMBER_B's cases").contains(ofB).doesNotContain(assigned, queued);
        for (Actor outsider : List.of(SUSPENDED_MEMBER, LAPSED_MEMBER)) {
            softly.assertThat(Coordination.caseIds(actors.frontDoor().get(Coordination.CASES, actors.token(outsider))))
                    .as(outsider + "'s cases").doesNotContain(assigned, queued, ofB);
        }
        String kantoQueue = Coordination.CASES + "?view=queue&bureau=kanto";
        softly.assertThat(Coordination.caseIds(actors.frontDoor().get(kantoQueue, actors.token(REGIONAL_BODY_KANTO))))
                .as("the Kanto queue").contains(queued).doesNotContain(assigned, ofB);
        String kinkiQueue = Coordination.CASES + "?view=queue&bureau=kinki";
        softly.assertThat(Coordination.caseIds(actors.frontDoor().get(kinkiQueue, actors.token(REGIONAL_BODY_OTHER))))
                .as("the Kinki queue").contains(ofB).doesNotContain(assigned, queued);
        JsonNode asMember = actors.coordination().read(assigned, actors.token(MEMBER_A));
        softly.assertThat(asMember.path("notes").isNull()).as("notes as MEMBER_A: %s", asMember).isTrue();
        softly.assertThat(asMember.path("assignment").path("reason").isNull()).as("assignment reason as MEMBER_A").isTrue();
        JsonNode asCoordinator = actors.coordination().read(assigned, actors.token(COORDINATOR));
        softly.assertThat(asCoordinator.path("notes").isArray()).as("notes as COORDINATOR: %s", asCoordinator).isTrue();
        softly.assertAll();
    }

    /**
     * The inbox answers 200 to every person: what is in it is theirs. A case put in a bureau's queue is told to that
     * bureau's regional body, a case assigned to its coordinator, a new case to its two members; nobody else.
     */
    @Test
    void the_case_inboxes_hold_only_what_was_addressed_to_the_caller() {
        String assigned = "/coordination/cases/" + caseOfA();
        String queuedInKanto = "/coordination/cases/" + queuedCaseOfA();
        String queuedInKinki = "/coordination/cases/" + caseOfB();
        awaitInInbox(REGIONAL_BODY_KANTO, "case-queued", queuedInKanto);
        awaitInInbox(REGIONAL_BODY_OTHER, "case-queued", queuedInKinki);
        awaitInInbox(COORDINATOR, "case-assigned", assigned);
        awaitInInbox(MEMBER_A, "case-opened", assigned);
        awaitInInbox(MEMBER_B, "case-opened", queuedInKinki);
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(inboxLinks(REGIONAL_BODY_KANTO)).as("the Kanto body's inbox").doesNotContain(queuedInKinki);
        softly.assertThat(inboxLinks(REGIONAL_BODY_OTHER)).as("the Kinki body's inbox")
                .doesNotContain(assigned, queuedInKanto);
        softly.assertThat(inboxLinks(COORDINATOR)).as("COORDINATOR's inbox").doesNotContain(queuedInKinki);
        softly.assertThat(inboxLinks(MEMBER_A)).as("MEMBER_A's inbox").doesNotContain(queuedInKinki);
        softly.assertThat(inboxLinks(MEMBER_B)).as("MEMBER_B's inbox").doesNotContain(assigned, queuedInKanto);
        for (Actor outsider : List.of(SUSPENDED_MEMBER, LAPSED_MEMBER, ADMIN)) {
            softly.assertThat(inboxLinks(outsider)).as(outsider + "'s inbox")
                    .doesNotContain(assigned, queuedInKanto, queuedInKinki);
        }
        softly.assertAll();
    }

    /**
     * The subscription list answers 200 to every regional body: it holds only the subscriptions the caller manages
     * (a body's people and its machine clients the same ones), the administrator's all; and no read ever shows a
     * signing secret, which only the creation's and a rotation's answers carry.
     */
    @Test
    void the_subscription_lists_hold_only_the_callers_subscriptions_and_never_a_secret() {
        String ofKanto = subscriptionOfKanto().subscription();
        String ofKinki = subscriptionOfKinki().subscription();
        String ofKyushu = subscriptionOfKyushu();
        FeedSubscriptions subscriptions = actors.feedSubscriptions();
        SoftAssertions softly = new SoftAssertions();
        for (Actor kanto : List.of(REGIONAL_BODY_KANTO, MACHINE_CLIENT_KANTO)) {
            softly.assertThat(subscriptions.ids(actors.token(kanto))).as(kanto + "'s subscriptions")
                    .contains(ofKanto).doesNotContain(ofKinki, ofKyushu);
        }
        softly.assertThat(subscriptions.ids(actors.token(REGIONAL_BODY_OTHER))).as("the Kinki body's subscriptions")
                .contains(ofKinki).doesNotContain(ofKanto, ofKyushu);
        softly.assertThat(subscriptions.ids(actors.token(ADMIN))).as("the administrator's subscriptions")
                .contains(ofKanto, ofKinki, ofKyushu);
        for (Actor reader : List.of(REGIONAL_BODY_KANTO, MACHINE_CLIENT_KANTO, ADMIN)) {
            String token = actors.token(reader);
            for (String path : List.of(FeedSubscriptions.SUBSCRIPTIONS, FeedSubscriptions.SUBSCRIPTIONS + "/" + ofKanto,
                    FeedSubscriptions.SUBSCRIPTIONS + "/" + ofKanto + "/deliveries")) {
                Answer read = actors.frontDoor().get(path, token);
                softly.assertThat(read.status()).as("%s as %s", read, reader).isEqualTo(200);
                softly.assertThat(read.body()).as("%s as %s", path, reader).doesNotContain("whsec_")
                        .doesNotContain("\"secret\"");
            }
        }
        softly.assertAll();
    }

    private static List<String> inboxLinks(Actor actor) {
        Answer read = actors.frontDoor().get("/api/coordination/inbox", actors.token(actor));
        assertThat(read.status()).as("the inbox of %s: %s", actor, read).isEqualTo(200);
        return read.json().path("items").findValuesAsString("link");
    }

    private static void awaitInInbox(Actor actor, String kind, String link) {
        await(kind + " " + link + " in the inbox of " + actor).atMost(Duration.ofSeconds(60)).until(() -> {
            Answer read = actors.frontDoor().get("/api/coordination/inbox", actors.token(actor));
            for (JsonNode item : read.json().path("items")) {
                if (kind.equals(item.path("kind").asString()) && link.equals(item.path("link").asString())) {
                    return true;
                }
            }
            return false;
        });
    }

    /** The matrix's cluster, added by the administrator at its first use. */
    private static synchronized String cluster() {
        if (cluster == null) {
            Answer added = actors.frontDoor().post("/api/members/clusters", actors.token(ADMIN), Json.write(Map.of(
                    "name", "E2E 行列の既存クラスター " + UUID.randomUUID().toString().substring(0, 12),
                    "programme", "METI_INDUSTRIAL_CLUSTER", "bureau", Actors.BUREAU)));
            assertThat(added.status()).as("the administrator adding the matrix's cluster: %s", added).isEqualTo(201);
            cluster = added.json().path("id").asString();
        }
        return cluster;
    }

    /** A published profile of organisation A, drafted and published once by MEMBER_A for the matrix. */
    private static synchronized String profileOfA() {
        if (profileOfA == null) {
            String token = actors.token(MEMBER_A);
            Answer drafted = actors.frontDoor().post("/api/matching/profiles", token, Json.write(Map.of(
                    "memberId", actors.organisationA(), "type", "TECHNOLOGY_OFFER", "content", Map.of(
                            "title", Map.of("ja", "E2E 行列のめっき技術"),
                            "summary", Map.of("ja", "E2E 行列: 小ロットのめっき処理を受託します"),
                            "technologyFields", List.of("metal-processing"), "stage", "ON_THE_MARKET",
                            "ipStatus", "SECRET_KNOW_HOW", "partnershipTypes", List.of("MANUFACTURING_SUPPLY_OUTSOURCING"),
                            "targetRegions", List.of("nationwide")))));
            assertThat(drafted.status()).as("MEMBER_A drafting the matrix's profile: %s", drafted).isEqualTo(201);
            String id = drafted.json().path("id").asString();
            Answer published = actors.frontDoor().post("/api/matching/profiles/" + id + "/publication", token, null);
            assertThat(published.status()).as("MEMBER_A publishing the matrix's profile: %s", published).isEqualTo(200);
            profileOfA = id;
        }
        return profileOfA;
    }

    /**
     * A case of the Kanto bureau only, assigned to COORDINATOR, made once; the administrator's note moves it past
     * revision 0, so that {@link #STALE_ETAG} is stale for it.
     */
    private static synchronized String caseOfA() {
        if (caseOfA == null) {
            caseOfA = notedByTheAdministrator(actors.coordination().caseOfAWithTheCoordinator().path("id").asString());
        }
        return caseOfA;
    }

    /** Another case of the Kanto bureau only, which the administrator put back in the queue: nobody's. */
    private static synchronized String queuedCaseOfA() {
        if (queuedCaseOfA == null) {
            String id = actors.coordination().caseOfAWithTheCoordinator().path("id").asString();
            Answer queued = actors.frontDoor().post(Coordination.CASES + "/" + id + "/reassignment",
                    actors.token(ADMIN), "{\"to\":\"QUEUE\"}");
            assertThat(queued.status()).as("the administrator queueing the matrix's case: %s", queued).isEqualTo(200);
            queuedCaseOfA = notedByTheAdministrator(id);
        }
        return queuedCaseOfA;
    }

    /** A case of the Kinki bureau only (B and a Kinki partner), in the Kinki queue. */
    private static synchronized String caseOfB() {
        if (caseOfB == null) {
            JsonNode opened = actors.coordination().caseOfB();
            String id = opened.path("id").asString();
            if (!"QUEUED".equals(opened.path("status").asString())) {
                Answer queued = actors.frontDoor().post(Coordination.CASES + "/" + id + "/reassignment",
                        actors.token(ADMIN), "{\"to\":\"QUEUE\"}");
                assertThat(queued.status()).as("the administrator queueing B's case: %s", queued).isEqualTo(200);
            }
            caseOfB = notedByTheAdministrator(id);
        }
        return caseOfB;
    }

    private static String notedByTheAdministrator(String caseId) {
        Answer noted = actors.frontDoor().post(Coordination.CASES + "/" + caseId + "/notes", actors.token(ADMIN),
                "{\"text\":\"E2E 行列: 準備\"}");
        assertThat(noted.status()).as("the administrator's note on the matrix's case: %s", noted).isEqualTo(201);
        return caseId;
    }

    /** A subscription of the matrix and one delivery in its log. */
    private record Fixture(String subscription, String delivery) {
    }

    /**
     * The Kanto regional body's subscription to registrations in its bureau, made once; a Tokyo registration gives it
     * a delivery.
     */
    private static synchronized Fixture subscriptionOfKanto() {
        if (subscriptionOfKanto == null) {
            subscriptionOfKanto = subscriptionWithADelivery(REGIONAL_BODY_KANTO, Registrations.TOKYO);
        }
        return subscriptionOfKanto;
    }

    /** The Kinki regional body's, likewise with an Osaka registration. */
    private static synchronized Fixture subscriptionOfKinki() {
        if (subscriptionOfKinki == null) {
            subscriptionOfKinki = subscriptionWithADelivery(REGIONAL_BODY_OTHER, Registrations.OSAKA);
        }
        return subscriptionOfKinki;
    }

    private static Fixture subscriptionWithADelivery(Actor owner, String prefecture) {
        FeedSubscriptions subscriptions = actors.feedSubscriptions();
        String id = subscriptions.create(actors.token(owner), List.of(FeedSubscriptions.MEMBER_REGISTERED), List.of())
                .path("id").asString();
        String registered = actors.registrations().applied(prefecture);
        return new Fixture(id, subscriptions.awaitDelivered(id, actors.token(owner), registered).path("id").asString());
    }

    /** A subscription of a Kyushu regional body, a person none of the actors is; made once. */
    private static synchronized String subscriptionOfKyushu() {
        if (subscriptionOfKyushu == null) {
            Actors.Person kyushu = actors.newStaff("E2E 九州経済産業局", "REGIONAL_BODY", "kyushu");
            subscriptionOfKyushu = actors.feedSubscriptions().inert(kyushu.token());
        }
        return subscriptionOfKyushu;
    }

    /** An import started by the Kanto regional body: a header without rows, so it registers nobody. */
    private static String importByKanto() {
        Answer started = actors.frontDoor().send("POST", "/api/members/imports", actors.token(REGIONAL_BODY_KANTO),
                "corporate_number,legal_name,organisation_type,prefecture_code\r\n", "text/csv; charset=UTF-8");
        assertThat(started.status()).as("starting an import as the Kanto regional body: %s", started).isEqualTo(202);
        return started.json().path("id").asString();
    }

    /** Each placeholder of the row, resolved afresh for this cell. */
    private static Map<String, String> valuesFor(Cell cell) {
        Map<String, String> values = new HashMap<>();
        for (String name : cell.row().placeholders()) {
            values.put(name, switch (name) {
                case "A" -> actors.organisationA();
                case "B" -> actors.organisationB();
                case "A_OWNER" -> Jwt.decode(actors.token(MEMBER_A)).subject();
                case "APPLIED_IN_KANTO" -> actors.registrations().applied(Registrations.TOKYO);
                case "APPLIED_IN_KINKI" -> actors.registrations().applied(Registrations.OSAKA);
                case "IMPORT_BY_KANTO" -> importByKanto();
                case "ACTIVE_IN_KANTO" -> actors.registrations().active(Registrations.TOKYO, actors.token(REGIONAL_BODY_KANTO));
                case "SUSPENDED_IN_KANTO" -> actors.registrations().suspended(Registrations.TOKYO, actors.token(REGIONAL_BODY_KANTO));
                case "FLAGGED_IN_KANTO" -> actors.registrations().flaggedAsPossibleDuplicateOf(Actors.ORGANISATION_A_NAME,
                        Registrations.TOKYO);
                case "SUSPENDED_MEMBER_ORG" -> actors.suspendedOrganisation();
                case "LAPSED_MEMBER_ORG" -> actors.lapsedOrganisation();
                case "SUSPENDED_MEMBER_OWNER" -> Jwt.decode(actors.token(SUSPENDED_MEMBER)).subject();
                case "LAPSED_MEMBER_OWNER" -> Jwt.decode(actors.token(LAPSED_MEMBER)).subject();
                case "ETAG_OF_A" -> eTagOf(actors.organisationA());
                case "UNKNOWN" -> UUID.randomUUID().toString();
                case "UNKNOWN_TOKEN" -> "e2e-unknown-" + UUID.randomUUID().toString().replace("-", "");
                case "NEW_EMAIL" -> "matrix-" + UUID.randomUUID().toString().substring(0, 12) + "@e2e.example.jp";
                case "NEW_CORPORATE_NUMBER" -> CorporateNumbers.random();
                case "CLUSTER" -> cluster();
                case "PROFILE_OF_A" -> profileOfA();
                case "CASE_OF_A" -> caseOfA();
                case "QUEUED_CASE_OF_A" -> queuedCaseOfA();
                case "CASE_OF_B" -> caseOfB();
                case "SINK" -> FeedSubscriptions.receiver().url().toString();
                case "SUBSCRIPTION_OF_KANTO" -> subscriptionOfKanto().subscription();
                case "DELIVERY_OF_KANTO" -> subscriptionOfKanto().delivery();
                case "SUBSCRIPTION_OF_KINKI" -> subscriptionOfKinki().subscription();
                case "DELIVERY_OF_KINKI" -> subscriptionOfKinki().delivery();
                case "SUBSCRIPTION_OF_KYUSHU" -> subscriptionOfKyushu();
                case "NEW_SUBSCRIPTION_OF_KANTO" -> actors.feedSubscriptions().inert(actors.token(REGIONAL_BODY_KANTO));
                case "NEW_SUBSCRIPTION_OF_KINKI" -> actors.feedSubscriptions().inert(actors.token(REGIONAL_BODY_OTHER));
                case "NEW_CLUSTER_NAME" -> "E2E 行列クラスター " + UUID.randomUUID().toString().substring(0, 12);
                case "NEW_IDEMPOTENCY_KEY" -> "e2e-matrix-" + UUID.randomUUID();
                default -> throw new IllegalArgumentException("unknown placeholder {" + name + "} in " + cell.row());
            });
        }
        return values;
    }

    /** The version of an organisation now, as its next conditional update names it. */
    private static String eTagOf(String organisationId) {
        Answer read = actors.frontDoor().get("/api/members/organisations/" + organisationId, actors.token(ADMIN));
        return read.header("ETag").orElseThrow(() -> new AssertionError("no ETag: " + read.describe()));
    }
}
