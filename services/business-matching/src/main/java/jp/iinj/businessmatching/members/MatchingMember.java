package jp.iinj.businessmatching.members;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import jp.iinj.contracts.membership.CapitalBand;
import jp.iinj.contracts.membership.EmployeeBand;
import jp.iinj.contracts.membership.OrganisationType;
import jp.iinj.contracts.membership.TargetTypology;

/**
 * This service's own view of a member organisation, built from the registry's public member events. The standing
 * decides who may publish and be matched; the name and website are disclosed only to the other side of an agreed
 * match.
 *
 * @param standingAt when the standing last changed, by the event's own time: an older event never overwrites it
 * @param profileAt  when the public profile was last replaced, likewise
 */
@Document(MatchingMember.COLLECTION)
public record MatchingMember(
        @Id String id,
        @Indexed MemberStanding standing,
        Instant standingAt,
        String legalName,
        String englishName,
        String website,
        OrganisationType organisationType,
        EmployeeBand employeeBand,
        CapitalBand capitalBand,
        TargetTypology typology,
        String prefectureCode,
        String bureau,
        List<String> clusterIds,
        Instant profileAt) {

    public static final String COLLECTION = "members";

    public boolean active() {
        return standing == MemberStanding.ACTIVE;
    }

    /** The first cluster affiliation: the {@code cluster} extension of events about this member's profiles. */
    public String firstCluster() {
        return clusterIds == null || clusterIds.isEmpty() ? null : clusterIds.get(0);
    }
}
