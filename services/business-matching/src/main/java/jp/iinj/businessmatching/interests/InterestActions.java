package jp.iinj.businessmatching.interests;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import jp.iinj.businessmatching.members.MatchingMember;
import jp.iinj.businessmatching.members.MatchingMembers;
import jp.iinj.businessmatching.messaging.MatchingEvents;
import jp.iinj.businessmatching.notifications.NotificationKind;
import jp.iinj.businessmatching.profiles.PartneringProfile;
import jp.iinj.businessmatching.profiles.ProfileChanges;
import jp.iinj.businessmatching.proposals.MatchProposal;
import jp.iinj.businessmatching.settings.PartneringSettings;
import jp.iinj.eventing.outbox.AggregateStore;
import jp.iinj.eventing.outbox.OutboxEntry;
import jp.iinj.httpapi.core.access.PlatformPrincipal;
import jp.iinj.httpapi.core.problems.ProblemException;
import jp.iinj.httpapi.core.problems.ResourceNotFoundException;
import jp.iinj.httpapi.core.validation.FreeTextValidator;
import jp.iinj.httpapi.security.CallerRequest;
import reactor.core.publisher.Mono;

/**
 * Expressing interest and answering it. Only a member's own people express its interest and answer the interests it
 * received, and only while both members are active. Each action is one single-document write with its events: the
 * public event, and the notification of the side that must act or learn of it.
 */
@Service
public class InterestActions {

    static final String SENT_LINK = "/matching/interests/sent";
    static final String RECEIVED_LINK = "/matching/interests/received";

    private final ReactiveMongoTemplate mongo;
    private final MatchingMembers members;
    private final ProfileChanges profiles;
    private final AggregateStore store;
    private final MatchingEvents events;
    private final PartneringSettings settings;
    private final Clock clock;

    public InterestActions(ReactiveMongoTemplate mongo, MatchingMembers members, ProfileChanges profiles,
                           AggregateStore store, MatchingEvents events, PartneringSettings settings, Clock clock) {
        this.mongo = mongo;
        this.members = members;
        this.profiles = profiles;
        this.store = store;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    public Mono<ExpressionOfInterest> express(InterestRequests.Express request, CallerRequest caller) {
        PlatformPrincipal who = caller.caller();
        if (!who.actsFor(request.memberId())) {
            return Mono.error(ProblemException.forbidden("Only a member's own people express its interest."));
        }
        return members.byId(request.memberId())
                .filter(MatchingMember::active)
                .switchIfEmpty(Mono.error(() -> ProblemException.forbidden("The membership of " + request.memberId()
                        + " is not active: it cannot express interest.")))
                .flatMap(interested -> profiles.profileWithOwner(request.profileId())
                        .filter(found -> found.profile().published() && found.owner().active())
                        .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("no profile " + request.profileId())))
                        .flatMap(found -> {
                            if (found.owner().id().equals(interested.id())) {
                                return Mono.error(InterestConflict.OWN_PROFILE.problem("a member cannot express interest in its own "
                                        + "profile"));
                            }
                            return ownProfileInProposal(request, interested.id())
                                    .flatMap(ownProfile -> underCap(interested.id())
                                            .then(insert(request, interested, found.owner(), ownProfile.orElse(null),
                                                    caller)));
                        }));
    }

    public Mono<ExpressionOfInterest> accept(String interestId, CallerRequest caller) {
        return answer(interestId, caller, (interest, parties, now) -> {
            if (interest.status() == InterestStatus.ACCEPTED) {
                return null; // accepted before (a second click): nothing more to do
            }
            ExpressionOfInterest accepted = interest.accepted(caller.caller().subject(), now);
            return new Change(accepted, parties.ownerProfile().map(ownerProfile -> List.of(
                    events.interestAccepted(accepted, parties.interested(), parties.owner(), caller.correlationId()),
                    events.matchAgreed(accepted, ownerProfile, parties.interested(), parties.owner(),
                            caller.correlationId()),
                    events.notifyMember(accepted.interestedMemberId(), NotificationKind.INTEREST_ACCEPTED,
                            matchLink(accepted), now, caller.correlationId()),
                    events.notifyMember(accepted.ownerMemberId(), NotificationKind.INTEREST_ACCEPTED,
                            matchLink(accepted), now, caller.correlationId())))
                    .orElseThrow(() -> InterestConflict.PROFILE_NOT_PUBLISHED.problem("the profile of interest " + interestId
                            + " is no longer published")));
        });
    }

    public Mono<ExpressionOfInterest> decline(String interestId, InterestRequests.Decline request,
                                              CallerRequest caller) {
        return answer(interestId, caller, (interest, parties, now) -> {
            ExpressionOfInterest declined = interest.declined(caller.caller().subject(), now, request.reason(),
                    FreeTextValidator.stored(request.note()));
            return new Change(declined, List.of(
                    events.interestDeclined(declined, parties.interested(), parties.owner(), caller.correlationId()),
                    events.notifyMember(declined.interestedMemberId(), NotificationKind.INTEREST_DECLINED, SENT_LINK,
                            now, caller.correlationId())));
        });
    }

    /** One interest as one of its sides sees it; 404 for anyone else. */
    public Mono<InterestView> read(String interestId, PlatformPrincipal caller) {
        return mongo.findById(interestId, ExpressionOfInterest.class)
                .filter(interest -> caller.actsFor(interest.ownerMemberId()) || caller.actsFor(interest.interestedMemberId()))
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("no interest " + interestId)))
                .flatMap(interest -> InterestViews.of(mongo, members, List.of(interest),
                        caller.actsFor(interest.ownerMemberId()) ? interest.ownerMemberId() : interest.interestedMemberId()))
                .map(views -> views.get(0));
    }

    private interface Answer {
        /** @return the change to store, or null when there is nothing to change */
        Change apply(ExpressionOfInterest interest, Parties parties, Instant now);
    }

    private record Change(ExpressionOfInterest next, List<OutboxEntry> events) {
    }

    private record Parties(MatchingMember owner, MatchingMember interested, Optional<PartneringProfile> ownerProfile) {
    }

    /**
     * The owner's answer: read the interest, refuse who is not the owner's people (404 for strangers, 403 for the
     * interested side), refuse while either member is not active, apply, store guarded by the revision read. Of two
     * answers at once one wins; an accept that lost to an accept returns the accepted interest.
     */
    private Mono<ExpressionOfInterest> answer(String interestId, CallerRequest caller, Answer answer) {
        PlatformPrincipal who = caller.caller();
        return mongo.findById(interestId, ExpressionOfInterest.class)
                .filter(interest -> who.actsFor(interest.ownerMemberId()) || who.actsFor(interest.interestedMemberId()))
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("no interest " + interestId)))
                .flatMap(interest -> {
                    if (!who.actsFor(interest.ownerMemberId())) {
                        return Mono.error(ProblemException.forbidden("Only the profile owner's people answer an "
                                + "interest."));
                    }
                    return parties(interest).flatMap(parties -> {
                        if (!parties.owner().active() || !parties.interested().active()) {
                            return Mono.error(InterestConflict.MEMBER_NOT_ACTIVE.problem("one of the two members is not active any more: "
                                    + "the interest cannot be answered"));
                        }
                        Change change = answer.apply(interest, parties, clock.instant());
                        if (change == null) {
                            return Mono.just(interest);
                        }
                        return store.update(change.next(), where("revision").is(interest.revision()), change.events())
                                .onErrorResume(OptimisticLockingFailureException.class, raced ->
                                        mongo.findById(interestId, ExpressionOfInterest.class)
                                                .flatMap(now -> now.status() == change.next().status()
                                                        && now.status() == InterestStatus.ACCEPTED
                                                        ? Mono.just(now)
                                                        : Mono.error(InterestConflict.NOT_OPEN.problem("interest " + interestId
                                                        + " was answered meanwhile (" + now.status() + ")"))));
                    });
                });
    }

    private Mono<Parties> parties(ExpressionOfInterest interest) {
        return members.byIds(List.of(interest.ownerMemberId(), interest.interestedMemberId()))
                .zipWith(mongo.findById(interest.profileId(), PartneringProfile.class)
                        .map(Optional::of).defaultIfEmpty(Optional.empty()))
                .flatMap(found -> {
                    MatchingMember owner = found.getT1().get(interest.ownerMemberId());
                    MatchingMember interested = found.getT1().get(interest.interestedMemberId());
                    if (owner == null || interested == null) {
                        return Mono.error(InterestConflict.MEMBER_NOT_ACTIVE.problem("a member of interest " + interest.id()
                                + " is unknown"));
                    }
                    return Mono.just(new Parties(owner, interested, found.getT2().filter(PartneringProfile::published)));
                });
    }

    /** With a proposal: it must be the interested member's, for this profile; its own profile goes with the interest. */
    private Mono<Optional<String>> ownProfileInProposal(InterestRequests.Express request, String interestedId) {
        if (request.proposalId() == null) {
            return Mono.just(Optional.empty());
        }
        return mongo.findById(request.proposalId(), MatchProposal.class)
                .filter(proposal -> proposal.involves(interestedId)
                        && proposal.otherProfileOf(interestedId).equals(request.profileId()))
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("no proposal " + request.proposalId()
                        + " of this member for this profile")))
                .map(proposal -> Optional.of(proposal.ownProfileOf(interestedId)));
    }

    private Mono<Void> underCap(String interestedId) {
        int cap = settings.interests().openPerMember();
        return mongo.count(Query.query(where("interestedMemberId").is(interestedId).and("status")
                        .is(InterestStatus.OPEN)), ExpressionOfInterest.class)
                .flatMap(open -> open >= cap
                        ? Mono.error(InterestConflict.CAP_REACHED.problem("Member " + interestedId + " has " + open + " open "
                        + "expressions of interest, the most this network allows (" + cap + "): wait for answers first."))
                        : Mono.empty());
    }

    private Mono<ExpressionOfInterest> insert(InterestRequests.Express request, MatchingMember interested,
                                              MatchingMember owner, String ownProfileId, CallerRequest caller) {
        Instant now = clock.instant();
        ExpressionOfInterest interest = ExpressionOfInterest.expressed(UUID.randomUUID().toString(),
                request.profileId(), request.proposalId(), owner.id(), interested.id(), ownProfileId,
                FreeTextValidator.stored(request.message()), caller.caller().subject(), now,
                settings.interests().answerWithin());
        List<OutboxEntry> emitted = new ArrayList<>();
        emitted.add(events.interestExpressed(interest, interested, owner, caller.correlationId()));
        emitted.add(events.notifyMember(owner.id(), NotificationKind.INTEREST_EXPRESSED, RECEIVED_LINK, now,
                caller.correlationId()));
        return store.insert(interest, emitted)
                .onErrorMap(DuplicateKeyException.class, twice -> InterestConflict.ALREADY_OPEN.problem("member " + interested.id()
                        + " has already expressed interest in profile " + request.profileId() + " and awaits the answer"));
    }

    static String matchLink(ExpressionOfInterest accepted) {
        return "/matching/matches/" + accepted.matchId();
    }
}
