package jp.iinj.businessmatching.profiles;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import jp.iinj.contracts.matching.ProfileType;
import jp.iinj.httpapi.core.problems.ConflictException;

/**
 * A partnering profile, this service's main aggregate: a technology or business offer or request of one member. Its
 * document also carries the outbox of its events. Every change is a method below returning the next version with
 * {@code revision + 1}; stores guard updates with the revision they read.
 *
 * @param createdBy   who drafted it (a coordinator may draft for the member)
 * @param publishedBy who last published or renewed it
 * @param expiresOn   the last day it is published (Japan's calendar), while published
 */
@Document(PartneringProfile.COLLECTION)
@CompoundIndex(name = "owner_profiles", def = "{'ownerMemberId': 1, 'createdAt': -1}")
@CompoundIndex(name = "expiry_due", def = "{'status': 1, 'expiresOn': 1}")
public record PartneringProfile(
        @Id String id,
        String ownerMemberId,
        ProfileType type,
        ProfileStatus status,
        ProfileContent content,
        ProfileActor createdBy,
        ProfileActor publishedBy,
        ProfileActor withdrawnBy,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt,
        LocalDate expiresOn,
        long revision) {

    public static final String COLLECTION = "profiles";
    /** Expiry dates are days in Japan. */
    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    public static PartneringProfile drafted(String id, String ownerMemberId, ProfileType type, ProfileContent content,
                                            ProfileActor by) {
        return new PartneringProfile(id, ownerMemberId, type, ProfileStatus.DRAFT, content, by, null, null, by.at(),
                by.at(), null, null, 0);
    }

    public PartneringProfile edited(ProfileContent next, Instant now) {
        if (status != ProfileStatus.DRAFT) {
            throw new ConflictException("profile " + id + " is " + status + ": only drafts are edited; withdraw it and "
                    + "publish a new one");
        }
        return new PartneringProfile(id, ownerMemberId, type, status, next, createdBy, publishedBy, withdrawnBy,
                createdAt, now, publishedAt, expiresOn, revision + 1);
    }

    public PartneringProfile published(ProfileActor by, Period term) {
        if (status != ProfileStatus.DRAFT) {
            throw new ConflictException("profile " + id + " is " + status + ": only a draft is published");
        }
        return new PartneringProfile(id, ownerMemberId, type, ProfileStatus.PUBLISHED, content, createdBy, by,
                withdrawnBy, createdAt, by.at(), by.at(), today(by.at()).plus(term), revision + 1);
    }

    /** Another term from today, for a published profile or one that expired. */
    public PartneringProfile renewed(ProfileActor by, Period term) {
        if (status != ProfileStatus.PUBLISHED && status != ProfileStatus.EXPIRED) {
            throw new ConflictException("profile " + id + " is " + status + ": only a published or expired profile "
                    + "is renewed");
        }
        return new PartneringProfile(id, ownerMemberId, type, ProfileStatus.PUBLISHED, content, createdBy, by,
                withdrawnBy, createdAt, by.at(), publishedAt, today(by.at()).plus(term), revision + 1);
    }

    public PartneringProfile withdrawn(ProfileActor by) {
        if (status == ProfileStatus.WITHDRAWN) {
            throw new ConflictException("profile " + id + " is already withdrawn");
        }
        return new PartneringProfile(id, ownerMemberId, type, ProfileStatus.WITHDRAWN, content, createdBy, publishedBy,
                by, createdAt, by.at(), publishedAt, expiresOn, revision + 1);
    }

    /** Past its last day: the expiry job's change. */
    public PartneringProfile expired(Instant now) {
        if (status != ProfileStatus.PUBLISHED || !today(now).isAfter(expiresOn)) {
            throw new ConflictException("profile " + id + " is not due to expire");
        }
        return new PartneringProfile(id, ownerMemberId, type, ProfileStatus.EXPIRED, content, createdBy, publishedBy,
                withdrawnBy, createdAt, now, publishedAt, expiresOn, revision + 1);
    }

    public boolean published() {
        return status == ProfileStatus.PUBLISHED;
    }

    public static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, JAPAN);
    }
}
