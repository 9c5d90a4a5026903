package jp.iinj.businessmatching.profiles;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import jp.iinj.businessmatching.members.MatchingMember;
import jp.iinj.businessmatching.members.MatchingMembers;
import jp.iinj.businessmatching.settings.PartneringSettings;
import jp.iinj.eventing.outbox.AggregateStore;
import jp.iinj.httpapi.core.access.PlatformPrincipal;
import jp.iinj.httpapi.core.problems.ProblemException;
import jp.iinj.httpapi.core.problems.ResourceNotFoundException;
import jp.iinj.httpapi.security.CallerRequest;
import reactor.core.publisher.Mono;

/**
 * Every action on profiles: who may do it is decided by {@link ProfileAccess} (through {@link ProfileChanges} for
 * existing profiles), what it changes and emits by the {@link ProfileCommands}.
 */
@Service
public class ProfileActions {

    /** A member's list shows at most this many profiles (drafts and closed ones included). */
    static final int MEMBER_LIST_LIMIT = 200;

    private final ReactiveMongoTemplate mongo;
    private final MatchingMembers members;
    private final ProfileChanges changes;
    private final AggregateStore store;
    private final PartneringSettings settings;
    private final Clock clock;

    public ProfileActions(ReactiveMongoTemplate mongo, MatchingMembers members, ProfileChanges changes,
                          AggregateStore store, PartneringSettings settings, Clock clock) {
        this.mongo = mongo;
        this.members = members;
        this.changes = changes;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /** A new draft for a member, by its people or by a coordinator of its bureau. Drafts are private: no event. */
    public Mono<PartneringProfile> draft(ProfileRequests.NewDraft request, CallerRequest caller) {
        return actingFor(request.memberId(), caller.caller())
                .flatMap(acting -> {
                    ProfileCommands.refuseTypeNotAllowed(settings, acting.owner(), request.type());
                    ProfileContent content = ProfileRules.draft(request.type(), request.content());
                    var by = new ProfileActor(caller.caller().subject(), acting.role(), clock.instant());
                    PartneringProfile draft = PartneringProfile.drafted(UUID.randomUUID().toString(),
                            request.memberId(), request.type(), content, by);
                    return store.insert(draft, List.of());
                });
    }

    public Mono<PartneringProfile> edit(String profileId, ProfileInput input, CallerRequest caller, long revision) {
        return changes.onBehalfOf(caller, profileId, revision, new ProfileCommands.Edit(input));
    }

    public Mono<PartneringProfile> publish(String profileId, CallerRequest caller, Long revision) {
        return changes.onBehalfOf(caller, profileId, revision, new ProfileCommands.Publish(settings));
    }

    public Mono<PartneringProfile> renew(String profileId, CallerRequest caller, Long revision) {
        return changes.onBehalfOf(caller, profileId, revision, new ProfileCommands.Renew(settings));
    }

    public Mono<PartneringProfile> withdraw(String profileId, CallerRequest caller, Long revision) {
        return changes.onBehalfOf(caller, profileId, revision, new ProfileCommands.Withdraw());
    }

    /** In full for its own side; anonymous for other members while published by an active member; else 404. */
    public Mono<Object> read(String profileId, PlatformPrincipal caller) {
        return changes.profileWithOwner(profileId)
                .flatMap(found -> {
                    if (ProfileAccess.seesInFull(caller, found.owner())) {
                        return Mono.<Object>just(ProfileResponse.of(found.profile()));
                    }
                    if (!found.profile().published() || !found.owner().active()) {
                        return Mono.empty();
                    }
                    return ProfileAccess.maySearch(caller, members).flatMap(may -> may
                            ? Mono.<Object>just(PublishedProfileView.of(found.profile(), found.owner()))
                            : Mono.error(ProblemException.forbidden("The caller's membership is not active: it "
                            + "cannot read other members' profiles.")));
                })
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("no profile " + profileId)));
    }

    /** A member's own profiles, newest first, for its side only. */
    public Mono<List<PartneringProfile>> ofMember(String memberId, PlatformPrincipal caller) {
        return members.byId(memberId)
                .filter(owner -> ProfileAccess.seesInFull(caller, owner))
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("no member " + memberId)))
                .flatMap(owner -> mongo.find(Query.query(where("ownerMemberId").is(memberId))
                                .with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(MEMBER_LIST_LIMIT),
                        PartneringProfile.class).collectList());
    }

    private Mono<Acting> actingFor(String memberId, PlatformPrincipal caller) {
        return members.byId(memberId)
                .filter(owner -> ProfileAccess.seesInFull(caller, owner))
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("no member " + memberId)))
                .flatMap(owner -> {
                    var role = ProfileAccess.actingRole(caller, owner);
                    if (role.isEmpty()) {
                        return Mono.error(ProblemException.forbidden("Only the member's own people, a coordinator "
                                + "of its bureau or an administrator draft its profiles."));
                    }
                    if (!owner.active()) {
                        return Mono.error(ProblemException.forbidden("The membership of " + owner.id()
                                + " is not active (" + owner.standing() + "): it cannot publish profiles."));
                    }
                    return Mono.just(new Acting(owner, role.get()));
                });
    }

    private record Acting(MatchingMember owner, ProfileActor.Role role) {
    }
}
