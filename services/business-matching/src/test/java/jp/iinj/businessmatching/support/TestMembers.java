package jp.iinj.businessmatching.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.test.context.TestComponent;

import jp.iinj.businessmatching.members.MatchingMember;
import jp.iinj.businessmatching.members.MatchingMembers;
import jp.iinj.businessmatching.members.MemberStanding;
import jp.iinj.contracts.membership.EmployeeBand;
import jp.iinj.contracts.membership.MemberApprovedV1;
import jp.iinj.contracts.membership.MemberRegisteredV1;
import jp.iinj.contracts.membership.MemberReinstatedV1;
import jp.iinj.contracts.membership.MemberSuspendedV1;
import jp.iinj.contracts.membership.OrganisationType;
import jp.iinj.contracts.membership.PublicMemberProfile;
import jp.iinj.contracts.membership.SuspensionReason;
import jp.iinj.contracts.topics.EventType;
import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.testing.infrastructure.TestInfrastructure;
import jp.iinj.testing.kafka.TestProducer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Members as the registry announces them, over the real broker: the tests stand in for the member registry and wait
 * until this service's read model has applied the events.
 */
@TestComponent
public class TestMembers {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final MatchingMembers members;
    private final JsonMapper json;
    private final TestProducer producer = TestProducer.connect(TestInfrastructure.shared().kafkaBootstrapServers());

    public TestMembers(MatchingMembers members, JsonMapper json) {
        this.members = members;
        this.json = json;
    }

    /** A new member, registered and approved, in the bureau of the prefecture; waits until it is active here. */
    public String active(String legalName, OrganisationType type, String prefectureCode, String bureau) {
        String memberId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        var profile = new PublicMemberProfile(legalName, null, legalName + " Ltd.", type, prefectureCode, bureau,
                "https://" + memberId.substring(0, 8) + ".example.jp", EmployeeBand.EMPLOYEES_20_TO_49, null,
                List.of(), List.of(), List.of(), List.of(), null);
        send(TopicCatalogue.MEMBER_REGISTERED_V1, memberId, new MemberRegisteredV1(memberId, null, profile, now));
        send(TopicCatalogue.MEMBER_APPROVED_V1, memberId,
                new MemberApprovedV1(memberId, prefectureCode, bureau, now.plusMillis(1), null));
        awaitStanding(memberId, MemberStanding.ACTIVE);
        return memberId;
    }

    public void suspend(String memberId, String prefectureCode, String bureau) {
        send(TopicCatalogue.MEMBER_SUSPENDED_V1, memberId, new MemberSuspendedV1(memberId, prefectureCode, bureau,
                SuspensionReason.UNPAID_FEES, Instant.now()));
        awaitStanding(memberId, MemberStanding.SUSPENDED);
    }

    public void reinstate(String memberId, String prefectureCode, String bureau) {
        send(TopicCatalogue.MEMBER_REINSTATED_V1, memberId,
                new MemberReinstatedV1(memberId, prefectureCode, bureau, Instant.now()));
        awaitStanding(memberId, MemberStanding.ACTIVE);
    }

    public void awaitStanding(String memberId, MemberStanding standing) {
        await().atMost(WAIT).until(() -> {
            MatchingMember member = members.byId(memberId).block();
            return member != null && member.standing() == standing;
        });
    }

    public <P> void send(EventType<P> type, String memberId, P payload) {
        producer.sendEvent(type, UUID.randomUUID().toString(), memberId, json.writeValueAsString(payload));
    }
}
