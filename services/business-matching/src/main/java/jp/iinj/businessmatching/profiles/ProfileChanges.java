package jp.iinj.businessmatching.profiles;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;

import jp.iinj.businessmatching.members.MatchingMember;
import jp.iinj.businessmatching.members.MatchingMembers;
import jp.iinj.businessmatching.messaging.MatchingEvents;
import jp.iinj.eventing.outbox.AggregateStore;
import jp.iinj.eventing.outbox.OutboxEntry;
import jp.iinj.httpapi.core.problems.ConflictException;
import jp.iinj.httpapi.core.problems.PreconditionFailedException;
import jp.iinj.httpapi.core.problems.ProblemException;
import jp.iinj.httpapi.core.problems.ResourceNotFoundException;
import jp.iinj.httpapi.security.CallerRequest;
import reactor.core.publisher.Mono;

/**
 * The one way an existing profile changes. A caller's command ({@link #onBehalfOf}): read the profile and its owner,
 * refuse who may not see it (404) or may not act for the owner (403), refuse any change while the owner is not an
 * active member (403), check the revision the caller read (412). A change no caller asked for ({@link #bySystem}: the
 * expiry job) skips those. Either way: apply the change (409 if its status does not allow it) and store it with its
 * events in one single-document write guarded by the revision read (409 if someone changed it in between).
 */
@Service
public class ProfileChanges {

    private final ReactiveMongoTemplate mongo;
    private final MatchingMembers members;
    private final AggregateStore store;
    private final MatchingEvents events;
    private final Clock clock;

    public ProfileChanges(ReactiveMongoTemplate mongo, MatchingMembers members, AggregateStore store,
                          MatchingEvents events, Clock clock) {
        this.mongo = mongo;
        this.members = members;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** @param expectedRevision from {@code If-Match}, or null (the guarded write still refuses a concurrent change) */
    public Mono<PartneringProfile> onBehalfOf(CallerRequest request, String profileId, Long expectedRevision,
                                              ProfileCommand command) {
        return profileWithOwner(profileId)
                .filter(found -> ProfileAccess.seesInFull(request.caller(), found.owner()))
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("no profile " + profileId)))
                .flatMap(found -> {
                    var role = ProfileAccess.actingRole(request.caller(), found.owner());
                    if (role.isEmpty()) {
                        return Mono.error(ProblemException.forbidden("Only the member's own people, a coordinator "
                                + "of its bureau or an administrator change its profiles."));
                    }
                    if (!found.owner().active()) {
                        return Mono.error(ProblemException.forbidden("The membership of " + found.owner().id()
                                + " is not active (" + found.owner().standing() + "): its profiles cannot change."));
                    }
                    if (expectedRevision != null && expectedRevision != found.profile().revision()) {
                        return Mono.error(new PreconditionFailedException("profile " + profileId
                                + " has changed since you read it; read it again"));
                    }
                    var by = new ProfileActor(request.caller().subject(), role.get(), clock.instant());
                    return store(found.profile(), found.owner(), command, by, request.correlationId());
                });
    }

    /** A change the platform makes by itself (no caller, no correlation id), of the version the job read. */
    public Mono<PartneringProfile> bySystem(PartneringProfile current, ProfileCommand command) {
        return members.byId(current.ownerMemberId())
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("no member " + current.ownerMemberId())))
                .flatMap(owner -> store(current, owner, command, null, null));
    }

    /** The expiry job's command: a published profile past its last day. */
    public static ProfileCommand expiry(Instant now) {
        return new ProfileCommands.Expire(now);
    }

    public Mono<ProfileWithOwner> profileWithOwner(String profileId) {
        return mongo.findById(profileId, PartneringProfile.class)
                .flatMap(profile -> members.byId(profile.ownerMemberId())
                        .map(owner -> new ProfileWithOwner(profile, owner)));
    }

    private Mono<PartneringProfile> store(PartneringProfile current, MatchingMember owner, ProfileCommand command,
                                          ProfileActor by, String correlationId) {
        PartneringProfile next;
        try {
            next = command.apply(current, owner, by);
        } catch (ProblemException refused) {
            return Mono.error(refused);
        }
        List<OutboxEntry> emitted = command.events(next, owner, events, correlationId);
        return store.update(next, where("revision").is(current.revision()), emitted)
                .onErrorMap(OptimisticLockingFailureException.class, changed -> new ConflictException(
                        "profile " + current.id() + " changed meanwhile; read it again", changed));
    }

    /** A profile and the member that owns it, as the read model has it now. */
    public record ProfileWithOwner(PartneringProfile profile, MatchingMember owner) {
    }
}
