package jp.iinj.memberregistry.organisation;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import jp.iinj.httpapi.core.access.PlatformPrincipal;
import jp.iinj.contracts.membership.OrganisationType;
import jp.iinj.contracts.regions.Prefecture;
import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.memberregistry.corporatenumber.CorporateNumber;

/**
 * A member organisation, the registry's aggregate. Its document also carries the outbox of its events (written by
 * the eventing library, never mapped here).
 *
 * @param corporateNumber unique among organisations that have one (sparse index: "none, with a reason" comes)
 * @param owner           personal data; see {@link #visibleTo}
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
        OrganisationOwner owner,
        MembershipStatus status,
        Instant registeredAt,
        Instant approvedAt,
        long revision) {

    public static final String COLLECTION = "organisations";

    public static Organisation applied(String id, String legalName, OrganisationType type, CorporateNumber corporateNumber,
                                       Prefecture prefecture, OrganisationOwner owner, Instant now) {
        return new Organisation(id, legalName, type, corporateNumber.value(), prefecture.jisCode(),
                prefecture.bureau().id(), owner, MembershipStatus.APPLIED, now, null, 0);
    }

    public Organisation approved(Instant now) {
        return new Organisation(id, legalName, organisationType, corporateNumber, prefectureCode, bureau, owner,
                MembershipStatus.ACTIVE, registeredAt, now, revision + 1);
    }

    /** The organisation's own people, the regional bodies and coordinators of its bureau, and administrators. */
    public boolean visibleTo(PlatformPrincipal caller) {
        return caller.actsFor(id) || caller.covers(bureau) || caller.has(PlatformRole.ADMIN);
    }

    /** A regional body of its bureau, or an administrator. */
    public boolean approvableBy(PlatformPrincipal caller) {
        return caller.has(PlatformRole.ADMIN)
                || (caller.has(PlatformRole.REGIONAL_BODY) && caller.bureaus().contains(bureau));
    }
}
