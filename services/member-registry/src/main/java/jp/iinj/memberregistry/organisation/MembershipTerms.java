package jp.iinj.memberregistry.organisation;

import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rules of the annual membership, from configuration ({@code iinj.membership.*}).
 *
 * @param term              how long a membership lasts from approval or renewal
 * @param gracePeriod       after the expiry date, how long a member stays ACTIVE before it lapses
 * @param renewalWindow     how long before the expiry date a renewal is accepted
 * @param zone              dates (expiry) are Japanese calendar dates
 * @param lapseCheckInterval how often the lapse job looks for expired memberships
 */
@ConfigurationProperties("iinj.membership")
public record MembershipTerms(
        @DefaultValue("P1Y") Period term,
        @DefaultValue("P30D") Period gracePeriod,
        @DefaultValue("P90D") Period renewalWindow,
        @DefaultValue("Asia/Tokyo") ZoneId zone,
        @DefaultValue("1m") Duration lapseCheckInterval) {
}
