package jp.iinj.identity.accounts;

import java.time.Instant;
import java.util.Set;

import jp.iinj.contracts.access.PlatformRole;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person who can sign in. Changed only by single-document atomic updates ({@link AccountStore}).
 *
 * @param id               UUID; the {@code sub} of the person's tokens
 * @param email            normalised to lower case; unique
 * @param passwordHash     delegating-encoder hash ({@code {argon2@SpringSecurity_v5_8}…}); null until the person sets one
 * @param memberIds        organisations the person acts for (granted from the platform's events)
 * @param pendingMemberIds organisations the person registered that are not approved yet
 * @param bureaus          bureau ids a coordinator or regional body covers
 * @param failedLogins     consecutive failed sign-ins since the last success or lock
 * @param lockedUntil      sign-in refused until then
 * @param revision         incremented by every change
 */
@Document(Account.COLLECTION)
public record Account(
        @Id String id,
        String email,
        String displayName,
        String passwordHash,
        Set<PlatformRole> roles,
        Set<String> memberIds,
        Set<String> pendingMemberIds,
        Set<String> bureaus,
        AccountStatus status,
        int failedLogins,
        Instant lockedUntil,
        long revision,
        Instant createdAt,
        Instant updatedAt) {

    public static final String COLLECTION = "accounts";

    public Account {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        memberIds = memberIds == null ? Set.of() : Set.copyOf(memberIds);
        pendingMemberIds = pendingMemberIds == null ? Set.of() : Set.copyOf(pendingMemberIds);
        bureaus = bureaus == null ? Set.of() : Set.copyOf(bureaus);
    }

    public boolean has(PlatformRole role) {
        return roles.contains(role);
    }

    public boolean hasPassword() {
        return passwordHash != null;
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** May sign in, given the right password: active and with a password. */
    public boolean maySignIn() {
        return status == AccountStatus.ACTIVE && hasPassword();
    }

    @Override
    public String toString() {
        // no e-mail, no hash in logs
        return "Account[id=" + id + ", status=" + status + ", roles=" + roles + "]";
    }
}
