package jp.iinj.identity.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jp.iinj.httpapi.core.problems.ConflictException;
import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.contracts.identity.PersonLeftMemberV1;
import jp.iinj.contracts.identity.PersonRole;
import jp.iinj.identity.IdentityProperties;
import jp.iinj.identity.authorizations.MongoOAuth2AuthorizationService;
import jp.iinj.identity.mail.AccountMails;
import jp.iinj.identity.messaging.MemberPeopleEvents;
import jp.iinj.identity.onetimetokens.OneTimeTokens;
import jp.iinj.identity.onetimetokens.TokenPurpose;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * What happens to accounts. {@link #designateOwner} and {@link #grantMembership} are the API for the consumer of the
 * platform's membership events: both are idempotent (an event delivered twice changes nothing the second time)
 * and give the same result whichever of the two arrives first. Every change of the organisations an account acts
 * for ({@code memberIds}) is published on {@code identity.member-people.v1}, written in the same single-document
 * update as the change (see {@link AccountStore}), so neither is lost or happens without the other.
 */
@Service
public class Accounts {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);
    private static final int MAX_ID_LENGTH = 128;
    private static final int MAX_NAME_LENGTH = 200;

    private final AccountStore store;
    private final GrantedMemberships granted;
    private final OneTimeTokens tokens;
    private final AccountMails mails;
    private final PasswordEncoder passwordEncoder;
    private final IdentityProperties properties;
    private final MemberPeopleEvents events;
    private final MongoOAuth2AuthorizationService authorizations;
    private final Clock clock;

    Accounts(AccountStore store, GrantedMemberships granted, OneTimeTokens tokens, AccountMails mails,
             PasswordEncoder passwordEncoder, IdentityProperties properties, MemberPeopleEvents events,
             MongoOAuth2AuthorizationService authorizations, Clock clock) {
        this.store = store;
        this.authorizations = authorizations;
        this.clock = clock;
        this.granted = granted;
        this.tokens = tokens;
        this.mails = mails;
        this.passwordEncoder = passwordEncoder;
        this.properties = properties;
        this.events = events;
    }

    /**
     * The person who registered organisation {@code memberId} owns it: their account (created PENDING if there is
     * none; an existing account keeps its status) gets {@code memberId} among its pending organisations. If the
     * organisation was approved already, the membership is granted at once (see {@link #grantMembership}).
     * From {@code membership.member-contacts.v1} / {@code owner-designated}.
     *
     * @return the account as it is now
     * @throws IllegalArgumentException for a blank or implausible argument (a poison event)
     */
    public Account designateOwner(String memberId, String email, String displayName) {
        implausibleOwner(memberId, email, displayName).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        String name = displayName == null || displayName.isBlank() ? null : displayName.strip();
        String normalised = Emails.normalise(email);
        Optional<Account> existing = store.findByEmail(normalised);
        if (existing.isPresent() && existing.get().memberIds().contains(memberId)) {
            return existing.get();
        }
        Account account;
        try {
            account = store.upsertPendingOwner(normalised, name, memberId);
        } catch (DuplicateKeyException createdConcurrently) {
            account = store.upsertPendingOwner(normalised, name, memberId);
        }
        log.info("Account {} designated owner of member {}", account.id(), memberId);
        if (granted.isGranted(memberId)) {
            grant(account, memberId);
            return store.findById(account.id()).orElse(account);
        }
        return account;
    }

    /**
     * Organisation {@code memberId} was approved at {@code approvedAt}: every account that has it pending now acts for it ({@code
     * member_ids} claim, MEMBER role); PENDING accounts become ACTIVE and, having no password yet, are mailed a
     * set-password link. From {@code membership.member-events.v1} / {@code member-approved}.
     *
     * @return ids of the accounts that received the membership in this call (empty when delivered again)
     * @throws IllegalArgumentException for a blank or implausible member id (a poison event)
     */
    public List<String> grantMembership(String memberId, Instant approvedAt) {
        requireId(memberId, "memberId");
        granted.recordApproval(memberId, approvedAt);
        List<String> changed = new ArrayList<>();
        for (Account account : store.findWithPendingMember(memberId)) {
            if (grant(account, memberId)) {
                changed.add(account.id());
            }
        }
        return changed;
    }

    private boolean grant(Account owner, String memberId) {
        String accountId = owner.id();
        Optional<Account> before = store.moveToGranted(accountId, memberId,
                List.of(events.joined(owner, owner.displayName(), memberId, PersonRole.OWNER)));
        if (before.isEmpty()) {
            return false;
        }
        log.info("Account {} now acts for member {}", accountId, memberId);
        if (before.get().status() == AccountStatus.PENDING && store.activatePending(accountId)) {
            log.info("Account {} activated", accountId);
            Account account = store.findById(accountId).orElseThrow();
            if (!account.hasPassword()) {
                sendSetPasswordLink(account);
            }
        }
        return true;
    }

    /**
     * The member registry removed the person {@code accountId} from organisation {@code memberId}
     * ({@code staff-removed}): the account no longer acts for it, so tokens issued from now on lack it, and
     * {@code person-left-member} is published. Idempotent: an account that does not act for the organisation (any
     * more), or no account, is left alone and nothing is published.
     *
     * @return whether this call took the organisation from the account
     * @throws IllegalArgumentException for a blank or implausible id (a poison event)
     */
    public boolean removeFromMember(String memberId, String accountId) {
        requireId(memberId, "memberId");
        requireId(accountId, "subject");
        boolean removed = store.removeMembership(accountId, memberId,
                List.of(events.left(accountId, memberId, PersonLeftMemberV1.REMOVED_BY_ORGANISATION))).isPresent();
        if (removed) {
            log.info("Account {} no longer acts for member {}", accountId, memberId);
        }
        return removed;
    }

    /**
     * Organisation {@code memberId} stopped being an active member at {@code since} (suspended, withdrawn, lapsed or
     * rejected): tokens issued from now on lack it in {@code member_ids}. People who act for no other active
     * organisation and have no other role lose their access at once: their authorizations (refresh tokens, unused
     * authorization codes) are removed and their sign-in sessions end. Access tokens already issued stay valid until
     * they expire; services refuse the organisation's writes themselves. Idempotent: an event no newer than the
     * standing identity knows changes nothing, and access is ended before the standing is written, so a delivery
     * interrupted in between ends it again when it comes back.
     *
     * @return whether this call changed the organisation's standing
     * @throws IllegalArgumentException for a blank or implausible member id (a poison event)
     */
    public boolean memberNoLongerActive(String memberId, Instant since) {
        requireId(memberId, "memberId");
        if (!granted.isNewerStanding(memberId, since)) {
            return false;
        }
        Instant now = clock.instant();
        List<String> ended = new ArrayList<>();
        for (Account account : store.findWithMember(memberId)) {
            if (actsOnlyFor(account, memberId)) {
                authorizations.removeAllOf(account.id());
                store.endSessionsBefore(account.id(), now);
                ended.add(account.id());
                log.info("Account {} acts only for member {}, which is no longer active: its sessions and refresh "
                        + "tokens are ended", account.id(), memberId);
            }
        }
        boolean changed = granted.changeStanding(memberId, false, since);
        // a refresh that raced the first removal may have saved its authorization back; from here on no token
        // carries the claim, and this pass removes what such a refresh saved
        ended.forEach(authorizations::removeAllOf);
        log.info("Member {} is no longer active since {}", memberId, since);
        return changed;
    }

    /**
     * Organisation {@code memberId} is an active member again since {@code since} (reinstated): tokens issued from
     * now on carry it again for everyone who acts for it. Ended sessions and removed refresh tokens stay ended.
     *
     * @return whether this call changed the organisation's standing (false for a stale or repeated event)
     * @throws IllegalArgumentException for a blank or implausible member id (a poison event)
     */
    public boolean memberActiveAgain(String memberId, Instant since) {
        requireId(memberId, "memberId");
        boolean changed = granted.changeStanding(memberId, true, since);
        if (changed) {
            log.info("Member {} is active again since {}", memberId, since);
        }
        return changed;
    }

    /** The organisations the account acts for that are active members now: its {@code member_ids} claim. */
    public Set<String> activeMemberIds(Account account) {
        Set<String> active = new HashSet<>(account.memberIds());
        active.removeAll(granted.inactiveAmong(account.memberIds()));
        return active;
    }

    /** Whether {@code memberId} is an active member as far as identity knows (an unknown one is). */
    public boolean isActiveMember(String memberId) {
        return granted.isActive(memberId);
    }

    /** When the account's sign-in sessions must have begun to be valid, if its access was ever ended. */
    public Optional<Instant> sessionsValidFrom(String accountId) {
        return store.sessionsValidFrom(accountId);
    }

    /** Without {@code memberId} the account would act for no active organisation, and it has no other role. */
    private boolean actsOnlyFor(Account account, String memberId) {
        Set<String> others = new HashSet<>(account.memberIds());
        others.remove(memberId);
        others.removeAll(granted.inactiveAmong(others));
        return others.isEmpty() && Set.of(PlatformRole.MEMBER).containsAll(account.roles());
    }

    /**
     * Staff created by an administrator: an ACTIVE account without password, mailed a set-password link.
     *
     * @throws ProblemException 409 when the e-mail has an account already
     */
    public Account createStaff(String email, String displayName, Collection<PlatformRole> roles,
                               Collection<String> bureaus) {
        try {
            Account account = store.insert(Emails.normalise(email), displayName.strip(), Set.copyOf(roles), Set.of(),
                    Set.copyOf(bureaus), AccountStatus.ACTIVE);
            log.info("Account {} created by an administrator with roles {}", account.id(), account.roles());
            sendSetPasswordLink(account);
            return account;
        } catch (DuplicateKeyException taken) {
            throw new ConflictException("An account with this e-mail exists already.");
        }
    }

    /**
     * An invited person accepted: their account (created if there is none) is ACTIVE, acts for {@code memberId}
     * with the MEMBER role, and has the given name and password. The caller has checked and spent the invitation.
     *
     * @throws ProblemException 400 for a password the policy refuses; 409 for a disabled account
     */
    public Account acceptInvitation(String email, String memberId, String displayName, String rawPassword) {
        String normalised = Emails.normalise(email);
        checkPassword(normalised, rawPassword);
        String hash = passwordEncoder.encode(rawPassword);
        String name = displayName.strip();
        Account account = store.findByEmail(normalised).orElse(null);
        if (account == null) {
            try {
                // the membership comes next, with its event
                account = store.insert(normalised, name, Set.of(PlatformRole.MEMBER), Set.of(), Set.of(),
                        AccountStatus.ACTIVE);
            } catch (DuplicateKeyException createdConcurrently) {
                account = store.findByEmail(normalised).orElseThrow();
            }
        }
        if (account.status() == AccountStatus.DISABLED) {
            throw new ConflictException("This account is disabled.");
        }
        // the registering owner, invited before the approval, joins as the owner
        PersonRole role = account.pendingMemberIds().contains(memberId) ? PersonRole.OWNER : PersonRole.STAFF;
        store.addMembership(account.id(), memberId, List.of(events.joined(account, name, memberId, role)));
        store.activateInvited(account.id(), name);
        store.setPasswordHash(account.id(), hash);
        tokens.revokeAll(account.id(), Set.of(TokenPurpose.SET_PASSWORD, TokenPurpose.PASSWORD_RESET));
        log.info("Account {} accepted an invitation to act for member {}", account.id(), memberId);
        return store.findById(account.id()).orElseThrow();
    }

    /**
     * The first administrator: only while no account has the ADMIN role. Creates an ACTIVE administrator account
     * without password (or gives an existing account of this e-mail the ADMIN role) and mails a set-password link.
     * Safe when several instances start at once: the unique e-mail index lets one of them create it.
     *
     * @return the administrator account if this call created or promoted it
     */
    public Optional<Account> bootstrapAdministrator(String email) {
        if (!Emails.plausible(email)) {
            throw new IllegalArgumentException("the bootstrap administrator e-mail is not a plausible e-mail address");
        }
        if (anyAdministrator()) {
            return Optional.empty();
        }
        String normalised = Emails.normalise(email);
        Account account;
        try {
            account = insertAdministrator(normalised, "Administrator");
        } catch (DuplicateKeyException exists) {
            Optional<Account> promoted = store.grantRole(normalised, PlatformRole.ADMIN);
            if (promoted.isEmpty()) {
                // another instance created it a moment ago
                return Optional.empty();
            }
            store.activatePending(promoted.get().id());
            account = store.findById(promoted.get().id()).orElseThrow();
        }
        if (!account.hasPassword()) {
            sendSetPasswordLink(account);
        }
        return Optional.of(account);
    }

    /**
     * The first administrator, with the name and password they chose on the set-up page: only while no account has
     * the ADMIN role. The caller has claimed the one-time set-up token.
     *
     * @return the account, or empty when an administrator exists already
     * @throws ProblemException 400 for a password the policy refuses; 409 when the e-mail has an account already
     */
    public Optional<Account> firstAdministrator(String email, String displayName, String rawPassword) {
        if (anyAdministrator()) {
            return Optional.empty();
        }
        String normalised = Emails.normalise(email);
        checkPassword(normalised, rawPassword);
        try {
            Account account = insertAdministrator(normalised, displayName.strip());
            store.setPasswordHash(account.id(), passwordEncoder.encode(rawPassword));
            log.warn("First administrator account {} created through the set-up link", account.id());
            return store.findById(account.id());
        } catch (DuplicateKeyException taken) {
            throw new ConflictException("An account with this e-mail exists already.");
        }
    }

    /**
     * The one place an administrator account is born, by either way to the first administrator (the bootstrap
     * setting, the set-up link). Like staff accounts it publishes no event: it acts for no organisation.
     *
     * @throws DuplicateKeyException when the e-mail has an account already
     */
    private Account insertAdministrator(String normalisedEmail, String displayName) {
        return store.insert(normalisedEmail, displayName, Set.of(PlatformRole.ADMIN), Set.of(), Set.of(), AccountStatus.ACTIVE);
    }

    /** Mails the account a link to choose its first password. */
    public void sendSetPasswordLink(Account account) {
        var ttl = properties.tokens().setPasswordTtl();
        String token = tokens.issue(TokenPurpose.SET_PASSWORD, account.id(), account.email(), null, null, ttl);
        mails.sendSetPassword(account.email(), account.displayName(), token, ttl);
    }

    /**
     * Sets a new password after checking it against the policy.
     *
     * @throws ProblemException 400 naming {@code password} when the policy refuses it
     */
    public void setPassword(Account account, String rawPassword) {
        checkPassword(account.email(), rawPassword);
        store.setPasswordHash(account.id(), passwordEncoder.encode(rawPassword));
        log.info("Password of account {} set", account.id());
    }

    /** @throws ProblemException 400 naming {@code password} when the policy refuses it */
    public static void checkPassword(String email, String rawPassword) {
        PasswordPolicy.violation(rawPassword, email).ifPresent(message -> {
            throw new FieldValidationException("password", message);
        });
    }

    public Optional<Account> findById(String id) {
        return store.findById(id);
    }

    public Optional<Account> findByEmail(String email) {
        return Emails.plausible(email) ? store.findByEmail(Emails.normalise(email)) : Optional.empty();
    }

    /** The platform's staff (regional bodies, coordinators, administrators), by e-mail, at most {@code limit}. */
    public List<Account> staff(int limit) {
        return store.findWithAnyRole(List.of(PlatformRole.REGIONAL_BODY, PlatformRole.COORDINATOR, PlatformRole.ADMIN), limit);
    }

    public boolean anyAdministrator() {
        return store.anyWithRole(PlatformRole.ADMIN);
    }

    /** What makes an owner designation impossible to apply, if anything: the rule {@link #designateOwner} enforces. */
    public static Optional<String> implausibleOwner(String memberId, String email, String displayName) {
        Optional<String> id = implausibleId(memberId, "memberId");
        if (id.isPresent()) {
            return id;
        }
        if (!Emails.plausible(email)) {
            return Optional.of("email is not a plausible e-mail address");
        }
        if (displayName != null && displayName.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("displayName has control characters");
        }
        if (displayName != null && displayName.strip().length() > MAX_NAME_LENGTH) {
            return Optional.of("displayName is longer than " + MAX_NAME_LENGTH);
        }
        return Optional.empty();
    }

    /** What makes {@code value} unusable as the id {@code name}, if anything: blank, too long, control characters. */
    public static Optional<String> implausibleId(String value, String name) {
        if (value == null || value.isBlank() || value.length() > MAX_ID_LENGTH
                || value.chars().anyMatch(Character::isISOControl)) {
            return Optional.of(name + " is blank, too long or has control characters");
        }
        return Optional.empty();
    }

    private static void requireId(String value, String name) {
        implausibleId(value, name).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }
}
