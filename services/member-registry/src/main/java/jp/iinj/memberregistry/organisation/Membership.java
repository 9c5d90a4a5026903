package jp.iinj.memberregistry.organisation;

import java.time.Instant;
import java.time.LocalDate;

import jp.iinj.httpapi.core.problems.ConflictException;

/**
 * An organisation's membership: its status and the dates and reasons of its lifecycle. The transitions below are
 * the only way to change it; each refuses (409) what the current status does not allow.
 *
 * @param expiresOn   last day of the current term (Japanese date); set on approval and renewal
 * @param reasonCode  the public reason code of the last rejection, suspension or withdrawal
 * @param reasonNote  free text that goes with it: may name people, so it never leaves the registry
 */
public record Membership(
        MembershipStatus status,
        Instant registeredAt,
        Instant approvedAt,
        LocalDate expiresOn,
        Instant lastRenewedAt,
        Instant statusChangedAt,
        String reasonCode,
        String reasonNote) {

    public static Membership applied(Instant now) {
        return new Membership(MembershipStatus.APPLIED, now, null, null, null, now, null, null);
    }

    /** An existing member taken over from a regional body's list: active from the start. */
    public static Membership imported(Instant now, LocalDate expiresOn) {
        return new Membership(MembershipStatus.ACTIVE, now, now, expiresOn, null, now, null, null);
    }

    public Membership approve(Instant now, MembershipTerms terms) {
        require(MembershipStatus.APPLIED, "approved");
        LocalDate expiry = now.atZone(terms.zone()).toLocalDate().plus(terms.term());
        return new Membership(MembershipStatus.ACTIVE, registeredAt, now, expiry, null, now, null, null);
    }

    public Membership reject(Instant now, String code, String note) {
        require(MembershipStatus.APPLIED, "rejected");
        return new Membership(MembershipStatus.REJECTED, registeredAt, null, null, null, now, code, note);
    }

    public Membership suspend(Instant now, String code, String note) {
        require(MembershipStatus.ACTIVE, "suspended");
        return with(MembershipStatus.SUSPENDED, now, code, note);
    }

    public Membership reinstate(Instant now) {
        require(MembershipStatus.SUSPENDED, "reinstated");
        return with(MembershipStatus.ACTIVE, now, null, null);
    }

    public Membership withdraw(Instant now, String code, String note) {
        require(MembershipStatus.ACTIVE, "withdrawn");
        return with(MembershipStatus.WITHDRAWN, now, code, note);
    }

    /**
     * Extends the term by one term from the current expiry date (not from today: renewing early loses nothing,
     * renewing in the grace period does not gain the days already past).
     */
    public Membership renew(Instant now, MembershipTerms terms) {
        require(MembershipStatus.ACTIVE, "renewed");
        LocalDate today = now.atZone(terms.zone()).toLocalDate();
        LocalDate opens = expiresOn.minus(terms.renewalWindow());
        if (today.isBefore(opens)) {
            throw new ConflictException("renewal opens on " + opens + ", " + terms.renewalWindow().getDays()
                    + " days before the membership expires on " + expiresOn);
        }
        return new Membership(status, registeredAt, approvedAt, expiresOn.plus(terms.term()), now, statusChangedAt,
                reasonCode, reasonNote);
    }

    /** True when the membership expired and the grace period is over at {@code now}. */
    public boolean lapsedAt(Instant now, MembershipTerms terms) {
        return status == MembershipStatus.ACTIVE && expiresOn != null
                && now.atZone(terms.zone()).toLocalDate().isAfter(expiresOn.plus(terms.gracePeriod()));
    }

    public Membership lapse(Instant now, MembershipTerms terms) {
        if (!lapsedAt(now, terms)) {
            throw new ConflictException("membership is " + status + ", expiring on " + expiresOn + ": not lapsed");
        }
        return with(MembershipStatus.LAPSED, now, null, null);
    }

    /** The first day after the grace period of a membership that expires on {@code expiresOn}. */
    public static LocalDate lapsesOn(LocalDate expiresOn, MembershipTerms terms) {
        return expiresOn.plus(terms.gracePeriod()).plusDays(1);
    }

    private Membership with(MembershipStatus next, Instant now, String code, String note) {
        return new Membership(next, registeredAt, approvedAt, expiresOn, lastRenewedAt, now, code, note);
    }

    private void require(MembershipStatus expected, String verb) {
        if (status != expected) {
            throw new ConflictException("the membership is " + status + "; only " + expected + " can be " + verb);
        }
    }
}
