package jp.iinj.memberregistry.organisation;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import jp.iinj.contracts.membership.OrganisationType;
import jp.iinj.contracts.regions.Prefecture;
import jp.iinj.memberregistry.corporatenumber.CorporateNumber;

/**
 * A member organisation, the registry's aggregate. Its document also carries the outbox of its events (written by
 * the eventing library, never mapped here).
 *
 * @param corporateNumber unique among organisations that have one (sparse index: issue "none with a reason" comes)
 * @param revision        increases with every change; updates are guarded by it
 */
@Document(Organisation.COLLECTION)
public record Organisation(
        @Id String id,
        String legalName,
        OrganisationType organisationType,
        @Indexed(unique = true, sparse = true) String corporateNumber,
        String prefectureCode,
        String bureau,
        MembershipStatus status,
        Instant registeredAt,
        long revision) {

    public static final String COLLECTION = "organisations";

    public static Organisation applied(String id, String legalName, OrganisationType type, CorporateNumber corporateNumber,
                                       Prefecture prefecture, Instant now) {
        return new Organisation(id, legalName, type, corporateNumber.value(), prefecture.jisCode(),
                prefecture.bureau().id(), MembershipStatus.APPLIED, now, 0);
    }
}
