package jp.iinj.endtoend.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.security.SecureRandom;
import jp.iinj.testing.mail.MailBox;
import jp.iinj.testing.web.Portal;

/**
 * The people of the authorization matrix, set up once per test JVM through the front door only, as they would in
 * real life: the bootstrap administrator sets the password mailed to them and signs in; the administrator creates the
 * coordinator and the regional bodies, who set their mailed passwords and sign in; two organisations register, are
 * approved by their bureau's regional body, and their owners set the password the approval mailed them and sign in;
 * the administrator creates a regional body's machine client, which gets its token with client credentials. Two more
 * organisations of the Kanto bureau stop being members after their owners signed in: one is suspended by the Kanto
 * regional body, the other (imported by it with today's expiry date) is lapsed by the administrator's lapse check; their
 * owners keep the tokens of that sign-in, which still say member.
 */
public final class Actors {

    /** Tokyo, Kanto bureau. */
    public static final String BUREAU = "kanto";
    /** Osaka, Kinki bureau. */
    public static final String OTHER_BUREAU = "kinki";
    /** Organisation A's legal name (Tokyo); tests that change A's profile keep it. */
    public static final String ORGANISATION_A_NAME = "E2E 東京精機株式会社";
    /** Organisation B's legal name (Osaka). */
    public static final String ORGANISATION_B_NAME = "E2E 大阪工業株式会社";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static Actors instance;
    private static RuntimeException setupFailure;

    private final FrontDoor frontDoor;
    private final Portal portal;
    private final MailBox mailBox;
    private final Registrations registrations;
    private final Map<Actor, Credentials> credentials = new EnumMap<>(Actor.class);
    private final Map<Actor, String> tokens = new EnumMap<>(Actor.class);
    private String organisationA;
    private String organisationB;
    private String suspendedOrganisation;
    private String lapsedOrganisation;
    private Coordination coordination;
    private FeedSubscriptions feedSubscriptions;

    private Actors(RunningPlatform platform) {
        this.frontDoor = new FrontDoor(platform.gatewayUrl());
        this.portal = Portal.throughGateway(platform.gatewayUrl());
        this.mailBox = new MailBox(platform.mailDirectory());
        this.registrations = new Registrations(frontDoor);
    }

    /** The actors of this test JVM's platform, set up at the first call; a failed set-up fails every later call at once. */
    public static synchronized Actors instance(RunningPlatform platform) {
        if (setupFailure != null) {
            throw new IllegalStateException("The actors could not be set up (see the first failure): " + setupFailure.getMessage(),
                    setupFailure);
        }
        if (instance == null) {
            try {
                Actors actors = new Actors(platform);
                actors.setUp();
                instance = actors;
            } catch (RuntimeException | AssertionError e) {
                setupFailure = e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getMessage(), e);
                throw e;
            }
        }
        return instance;
    }

    /** The actor's access token, {@code null} for {@link Actor#ANONYMOUS}. */
    public String token(Actor actor) {
        return actor == Actor.ANONYMOUS ? null : tokens.get(actor);
    }

    /** A new sign-in of a person (a new token, signed with the key active now). */
    public String signIn(Actor actor) {
        return signInForTokens(actor).accessToken();
    }

    /** A new sign-in of a person, with the ID token too. */
    public Portal.Tokens signInForTokens(Actor actor) {
        Credentials person = credentials.get(actor);
        if (person == null) {
            throw new IllegalArgumentException(actor + " does not sign in");
        }
        return portal.signIn(person.email(), person.password());
    }

    public String email(Actor actor) {
        return credentials.get(actor).email();
    }

    /** The person's password, for signing in through a browser (the portal). */
    public String password(Actor actor) {
        Credentials person = credentials.get(actor);
        if (person == null) {
            throw new IllegalArgumentException(actor + " does not sign in");
        }
        return person.password();
    }

    /** Organisation A: Tokyo (Kanto bureau), ACTIVE, {@link Actor#MEMBER_A} acts for it. */
    public String organisationA() {
        return organisationA;
    }

    /** Organisation B: Osaka (Kinki bureau), ACTIVE, {@link Actor#MEMBER_B} acts for it. */
    public String organisationB() {
        return organisationB;
    }

    /** Suspended after its owner ({@link Actor#SUSPENDED_MEMBER}) signed in; Tokyo (Kanto bureau). */
    public String suspendedOrganisation() {
        return suspendedOrganisation;
    }

    /** Lapsed after its owner ({@link Actor#LAPSED_MEMBER}) signed in; Tokyo (Kanto bureau). */
    public String lapsedOrganisation() {
        return lapsedOrganisation;
    }

    public FrontDoor frontDoor() {
        return frontDoor;
    }

    public Portal portal() {
        return portal;
    }

    public MailBox mailBox() {
        return mailBox;
    }

    public Registrations registrations() {
        return registrations;
    }

    /** Roster entries, agreed matches and their cases, made through the front door; shared by the test classes. */
    public synchronized Coordination coordination() {
        if (coordination == null) {
            coordination = new Coordination(this);
        }
        return coordination;
    }

    /** Webhook subscriptions of event feeds, made through the front door; shared by the test classes. */
    public synchronized FeedSubscriptions feedSubscriptions() {
        if (feedSubscriptions == null) {
            feedSubscriptions = new FeedSubscriptions(frontDoor);
        }
        return feedSubscriptions;
    }

    /**
     * A regional body's machine client beyond {@link Actor#MACHINE_CLIENT_KANTO}, created by the administrator as that
     * one is: its client-credentials token.
     */
    public String newMachineClient(String name, String bureau) {
        Answer created = frontDoor.post("/api/identity/admin/clients", token(Actor.ADMIN),
                Json.write(Map.of("name", name, "bureaus", List.of(bureau))));
        require(created.status() == 201, "the administrator creating the machine client " + name, created);
        return portal.clientCredentials(created.json().path("clientId").asString(),
                created.json().path("clientSecret").asString(), "feeds.read");
    }

    /** A password identity accepts (12-128 characters, not containing the e-mail's local part). */
    public static String newPassword() {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return "e2e " + HexFormat.of().formatHex(random) + " battery staple";
    }

    /** Sets the password with the token of the newest set-password mail to {@code email}. */
    public void setPasswordFromMail(String email, String password) {
        String token = mailBox.awaitToken(email, MailBox.SET_PASSWORD);
        Answer answer = frontDoor.post("/api/identity/password-resets/" + token, null, Json.write(Map.of("password", password)));
        require(answer.status() == 204, "setting the password of " + email, answer);
    }

    private void setUp() {
        Instant started = Instant.now();
        signInAs(Actor.ADMIN, RunningPlatform.ADMIN_EMAIL);
        createStaff(Actor.COORDINATOR, "coordinator@e2e.example.jp", "E2E コーディネーター", "COORDINATOR", BUREAU);
        createStaff(Actor.REGIONAL_BODY_KANTO, "rb-kanto@e2e.example.jp", "E2E 関東経済産業局", "REGIONAL_BODY", BUREAU);
        createStaff(Actor.REGIONAL_BODY_OTHER, "rb-kinki@e2e.example.jp", "E2E 近畿経済産業局", "REGIONAL_BODY", OTHER_BUREAU);
        organisationA = registerApproveAndSignIn(Actor.MEMBER_A, ORGANISATION_A_NAME, Registrations.TOKYO,
                "owner-a@e2e.example.jp", Actor.REGIONAL_BODY_KANTO);
        organisationB = registerApproveAndSignIn(Actor.MEMBER_B, ORGANISATION_B_NAME, Registrations.OSAKA,
                "owner-b@e2e.example.jp", Actor.REGIONAL_BODY_OTHER);
        createMachineClient(Actor.MACHINE_CLIENT_KANTO, "E2E Kanto bureau feed reader", BUREAU);
        suspendedOrganisation = registerApproveAndSignIn(Actor.SUSPENDED_MEMBER, "E2E 停止中株式会社", Registrations.TOKYO,
                "owner-suspended@e2e.example.jp", Actor.REGIONAL_BODY_KANTO);
        Answer suspended = frontDoor.post("/api/members/organisations/" + suspendedOrganisation + "/suspension",
                token(Actor.REGIONAL_BODY_KANTO), "{\"reason\":\"UNPAID_FEES\"}");
        require(suspended.status() == 200, "the Kanto regional body suspending " + suspendedOrganisation, suspended);
        lapsedOrganisation = importExpiringTodayAndSignIn(Actor.LAPSED_MEMBER, "E2E 失効株式会社",
                "owner-lapsed@e2e.example.jp", Actor.REGIONAL_BODY_KANTO);
        lapseDueMemberships(lapsedOrganisation);
        System.out.printf(Locale.ROOT, "[end-to-end] actors set up in %.1f s: organisation A %s, organisation B %s%n",
                Duration.between(started, Instant.now()).toMillis() / 1000.0, organisationA, organisationB);
    }

    private void signInAs(Actor actor, String email) {
        String password = newPassword();
        setPasswordFromMail(email, password);
        credentials.put(actor, new Credentials(email, password));
        tokens.put(actor, portal.signIn(email, password).accessToken());
    }

    private void createStaff(Actor actor, String email, String displayName, String role, String bureau) {
        createAccount(email, displayName, role, bureau, actor.toString());
        signInAs(actor, email);
        Jwt token = Jwt.decode(tokens.get(actor));
        requireClaims(token.roles().contains(role) && token.bureaus().equals(List.of(bureau)), actor, token);
    }

    private void createAccount(String email, String displayName, String role, String bureau, String who) {
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("email", email);
        account.put("displayName", displayName);
        account.put("roles", List.of(role));
        account.put("bureaus", List.of(bureau));
        Answer created = frontDoor.post("/api/identity/admin/accounts", token(Actor.ADMIN), Json.write(account));
        require(created.status() == 201, "the administrator creating " + who, created);
    }

    /**
     * A staff person beyond the matrix's actors (another coordinator, another bureau's regional body), created by the
     * administrator as the actors are, signed in through the front door.
     *
     * @param role {@code COORDINATOR} or {@code REGIONAL_BODY}
     */
    public Person newStaff(String displayName, String role, String bureau) {
        String email = "staff-" + HexFormat.of().formatHex(randomBytes(6)) + "@e2e.example.jp";
        createAccount(email, displayName, role, bureau, displayName);
        String password = newPassword();
        setPasswordFromMail(email, password);
        String token = portal.signIn(email, password).accessToken();
        Jwt claims = Jwt.decode(token);
        if (!claims.roles().contains(role) || !claims.bureaus().equals(List.of(bureau))) {
            throw new AssertionError("unexpected claims in the token of " + displayName + ": " + claims.claims());
        }
        return new Person(claims.subject(), token, null);
    }

    /**
     * An organisation beyond A and B: registered with an owner, approved by {@code approverToken}'s regional body or
     * administrator, its owner signed in (a token that says member of it).
     */
    public Person newMember(String legalName, String prefectureCode, String approverToken) {
        String email = "owner-" + HexFormat.of().formatHex(randomBytes(6)) + "@e2e.example.jp";
        Answer registered = registrations.register(legalName, prefectureCode, "E2E 代表者", email);
        require(registered.status() == 201, "the registration of " + legalName, registered);
        String id = registered.json().path("id").asString();
        Answer approved = frontDoor.post("/api/members/organisations/" + id + "/approval", approverToken, null);
        require(approved.status() == 200, "approving " + legalName, approved);
        String password = newPassword();
        setPasswordFromMail(email, password);
        String token = portal.signIn(email, password).accessToken();
        Jwt claims = Jwt.decode(token);
        if (!claims.memberIds().equals(List.of(id))) {
            throw new AssertionError("unexpected claims in the token of " + legalName + "'s owner: " + claims.claims());
        }
        return new Person(claims.subject(), token, id);
    }

    /**
     * Someone signed in outside the matrix's actors.
     *
     * @param memberId the organisation they act for; {@code null} for staff
     */
    public record Person(String subject, String token, String memberId) {
    }

    private static byte[] randomBytes(int length) {
        byte[] random = new byte[length];
        RANDOM.nextBytes(random);
        return random;
    }

    private void createMachineClient(Actor actor, String name, String bureau) {
        Answer created = frontDoor.post("/api/identity/admin/clients", token(Actor.ADMIN),
                Json.write(Map.of("name", name, "bureaus", List.of(bureau))));
        require(created.status() == 201, "the administrator creating the machine client " + actor, created);
        tokens.put(actor, portal.clientCredentials(created.json().path("clientId").asString(),
                created.json().path("clientSecret").asString(), "feeds.read"));
        Jwt token = Jwt.decode(tokens.get(actor));
        requireClaims(token.roles().equals(List.of("REGIONAL_BODY")) && token.bureaus().equals(List.of(bureau)), actor, token);
    }

    private String registerApproveAndSignIn(Actor actor, String legalName, String prefecture, String ownerEmail,
                                            Actor approver) {
        Answer registered = registrations.register(legalName, prefecture, "E2E 代表者", ownerEmail);
        require(registered.status() == 201, "the registration of " + legalName, registered);
        String id = registered.json().path("id").asString();
        Answer approved = frontDoor.post("/api/members/organisations/" + id + "/approval", token(approver), null);
        require(approved.status() == 200, approver + " approving " + legalName, approved);
        signInAs(actor, ownerEmail);
        Jwt token = Jwt.decode(tokens.get(actor));
        requireClaims(token.roles().contains("MEMBER") && token.memberIds().equals(List.of(id)), actor, token);
        return id;
    }

    /**
     * The regional body imports the organisation with its owner and today's expiry date (the import's earliest); the
     * owner signs in while it is ACTIVE. The test platform's grace period is minus one day, so it is due to lapse at
     * once, and its lapse job is off: nothing lapses it before {@link #lapseDueMemberships}.
     */
    private String importExpiringTodayAndSignIn(Actor actor, String legalName, String ownerEmail, Actor importer) {
        String today = LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();
        String csv = "corporate_number,legal_name,organisation_type,prefecture_code,owner_name,owner_email,expires_on\r\n"
                + String.join(",", CorporateNumbers.random(), legalName, "SME", Registrations.TOKYO, "E2E 代表者",
                ownerEmail, today) + "\r\n";
        Answer started = frontDoor.send("POST", "/api/members/imports", token(importer), csv, "text/csv; charset=UTF-8");
        require(started.status() == 202, importer + " importing " + legalName, started);
        String status = "/api/members/imports/" + started.json().path("id").asString();
        Answer finished = await(importer + "'s import of " + legalName).atMost(Duration.ofSeconds(60))
                .until(() -> frontDoor.get(status, token(importer)),
                        answer -> !"RUNNING".equals(answer.json().path("state").asString()));
        require(finished.json().path("rowsImported").asInt() == 1, importer + "'s import of " + legalName, finished);
        signInAs(actor, ownerEmail);
        Jwt token = Jwt.decode(tokens.get(actor));
        requireClaims(token.roles().contains("MEMBER") && token.memberIds().size() == 1, actor, token);
        return token.memberIds().get(0);
    }

    /** The administrator runs the lapse check, which lapses {@code organisationId}. */
    private void lapseDueMemberships(String organisationId) {
        Answer checked = frontDoor.post("/api/members/lapse-checks", token(Actor.ADMIN), null);
        require(checked.status() == 200, "the administrator's lapse check", checked);
        Answer read = frontDoor.get("/api/members/organisations/" + organisationId, token(Actor.ADMIN));
        require("LAPSED".equals(read.json().path("status").asString()), "lapsing " + organisationId, read);
    }

    private static void require(boolean condition, String step, Answer answer) {
        if (!condition) {
            throw new AssertionError("Setting up the actors: " + step + " failed: " + answer.describe());
        }
    }

    private static void requireClaims(boolean condition, Actor actor, Jwt token) {
        if (!condition) {
            throw new AssertionError("Setting up the actors: unexpected claims in the token of " + actor + ": " + token.claims());
        }
    }

    private record Credentials(String email, String password) {
    }
}
