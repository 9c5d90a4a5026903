package jp.iinj.businessmatching.settings;

import java.time.Duration;
import java.time.Period;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import jp.iinj.contracts.matching.ProfileType;
import jp.iinj.contracts.membership.OrganisationType;

/**
 * {@code iinj.matching.*}: the rules of the partnering database that a network may set differently.
 *
 * @param profileTerm   how long a published or renewed profile runs
 * @param mayPublish    which profile types an organisation type may publish; a type not listed may publish every
 *                      type. The default follows the Enterprise Europe Network: large enterprises publish requests only
 * @param proposals     the engine's cut-offs
 * @param interests     expressions of interest: how many a member may have open, how long the owner has to answer
 */
@ConfigurationProperties("iinj.matching")
public record PartneringSettings(
        @DefaultValue("P12M") Period profileTerm,
        Map<OrganisationType, Set<ProfileType>> mayPublish,
        @DefaultValue Proposals proposals,
        @DefaultValue Interests interests,
        @DefaultValue Jobs jobs,
        @DefaultValue SearchIndexSettings searchIndex) {

    private static final Map<OrganisationType, Set<ProfileType>> EEN_RULES = Map.of(
            OrganisationType.LARGE_ENTERPRISE,
            EnumSet.of(ProfileType.TECHNOLOGY_REQUEST, ProfileType.BUSINESS_REQUEST, ProfileType.RD_PARTNER_REQUEST));

    public PartneringSettings {
        mayPublish = mayPublish == null || mayPublish.isEmpty() ? EEN_RULES : Map.copyOf(mayPublish);
    }

    public boolean mayPublish(OrganisationType organisationType, ProfileType profileType) {
        Set<ProfileType> allowed = mayPublish.get(organisationType);
        return allowed == null || allowed.contains(profileType);
    }

    /**
     * @param perProfile at most this many proposals for each new or renewed profile
     * @param threshold  the lowest score (0–100) worth proposing
     */
    public record Proposals(@DefaultValue("10") int perProfile, @DefaultValue("25") double threshold) {
    }

    /**
     * @param openPerMember  open (unanswered) expressions of interest one member may have sent
     * @param answerWithin   after this, an unanswered one expires
     * @param remindBefore   both sides are reminded this long before it expires
     */
    public record Interests(@DefaultValue("10") int openPerMember, @DefaultValue("21d") Duration answerWithin,
                            @DefaultValue("3d") Duration remindBefore) {
    }

    /**
     * @param directory where this instance keeps its Lucene index (a projection of the store, rebuilt at every start);
     *                  empty: in memory, fine up to some tens of thousands of profiles
     */
    public record SearchIndexSettings(@DefaultValue("") String directory) {
    }

    /**
     * The expiry jobs (profiles, interests, reminders).
     *
     * @param enabled  off in tests that drive the jobs by hand
     * @param interval how often they look for what is due
     */
    public record Jobs(@DefaultValue("true") boolean enabled, @DefaultValue("5m") Duration interval) {
    }
}
