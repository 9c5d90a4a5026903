package jp.iinj.memberregistry.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import jp.iinj.httpapi.core.problems.ConflictException;

class MembershipTest {

    private static final MembershipTerms TERMS = new MembershipTerms(Period.ofYears(1), Period.ofDays(30),
            Period.ofDays(90), ZoneId.of("Asia/Tokyo"), Duration.ofMinutes(1));
    // 2026-04-01 00:30 in Tokyo is still 2026-03-31 in UTC: dates follow the Japanese calendar
    private static final Instant APRIL_FIRST_TOKYO = Instant.parse("2026-03-31T15:30:00Z");

    private final Membership applied = Membership.applied(APRIL_FIRST_TOKYO);

    @Test
    void approvalStartsATermEndingOneYearLaterOnTheJapaneseDate() {
        Membership active = applied.approve(APRIL_FIRST_TOKYO, TERMS);

        assertThat(active.status()).isEqualTo(MembershipStatus.ACTIVE);
        assertThat(active.expiresOn()).isEqualTo(LocalDate.parse("2027-04-01"));
        assertThat(active.approvedAt()).isEqualTo(APRIL_FIRST_TOKYO);
    }

    @Test
    void rejectionIsOnlyForApplicationsAndKeepsItsReason() {
        Membership rejected = applied.reject(APRIL_FIRST_TOKYO, "NOT_ELIGIBLE", "本社が対象地域外");

        assertThat(rejected.status()).isEqualTo(MembershipStatus.REJECTED);
        assertThat(rejected.reasonCode()).isEqualTo("NOT_ELIGIBLE");
        assertThat(rejected.reasonNote()).isEqualTo("本社が対象地域外");
        assertThatThrownBy(() -> rejected.approve(APRIL_FIRST_TOKYO, TERMS)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> applied.approve(APRIL_FIRST_TOKYO, TERMS).reject(APRIL_FIRST_TOKYO, "OTHER", null))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void suspensionAndReinstatementKeepTheTerm() {
        Membership active = applied.approve(APRIL_FIRST_TOKYO, TERMS);
        Membership suspended = active.suspend(APRIL_FIRST_TOKYO.plusSeconds(60), "UNPAID_FEES", null);
        Membership reinstated = suspended.reinstate(APRIL_FIRST_TOKYO.plusSeconds(120));

        assertThat(suspended.status()).isEqualTo(MembershipStatus.SUSPENDED);
        assertThat(reinstated.status()).isEqualTo(MembershipStatus.ACTIVE);
        assertThat(reinstated.expiresOn()).isEqualTo(active.expiresOn());
        assertThat(reinstated.reasonCode()).isNull();
        assertThatThrownBy(() -> active.reinstate(APRIL_FIRST_TOKYO)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> suspended.withdraw(APRIL_FIRST_TOKYO, "OTHER", null)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> applied.suspend(APRIL_FIRST_TOKYO, "OTHER", null)).isInstanceOf(ConflictException.class);
    }

    @Test
    void withdrawnIsFinal() {
        Membership withdrawn = applied.approve(APRIL_FIRST_TOKYO, TERMS).withdraw(APRIL_FIRST_TOKYO, "MERGED_OR_ACQUIRED", null);

        assertThat(withdrawn.status()).isEqualTo(MembershipStatus.WITHDRAWN);
        assertThatThrownBy(() -> withdrawn.reinstate(APRIL_FIRST_TOKYO)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> withdrawn.renew(APRIL_FIRST_TOKYO, TERMS)).isInstanceOf(ConflictException.class);
    }

    @Test
    void renewalOpensNinetyDaysBeforeExpiryAndExtendsFromTheExpiryDate() {
        Membership active = applied.approve(APRIL_FIRST_TOKYO, TERMS); // expires 2027-04-01, window opens 2027-01-01

        assertThatThrownBy(() -> active.renew(Instant.parse("2026-12-31T14:00:00Z"), TERMS)) // 23:00 on 31 Dec in Tokyo
                .isInstanceOf(ConflictException.class).hasMessageContaining("2027-01-01");
        Membership renewed = active.renew(Instant.parse("2026-12-31T15:00:00Z"), TERMS); // 00:00 on 1 Jan in Tokyo
        assertThat(renewed.expiresOn()).isEqualTo(LocalDate.parse("2028-04-01"));
        assertThat(renewed.lastRenewedAt()).isEqualTo(Instant.parse("2026-12-31T15:00:00Z"));
        // in the grace period the term still runs on from the old expiry, not from today
        Membership late = active.renew(Instant.parse("2027-04-20T00:00:00Z"), TERMS);
        assertThat(late.expiresOn()).isEqualTo(LocalDate.parse("2028-04-01"));
    }

    @Test
    void lapsesOnlyAfterTheGracePeriod() {
        Membership active = applied.approve(APRIL_FIRST_TOKYO, TERMS); // expires 2027-04-01, grace to 2027-05-01

        assertThat(active.lapsedAt(Instant.parse("2027-05-01T14:59:59Z"), TERMS)).isFalse(); // 23:59:59 on 1 May, Tokyo
        assertThat(active.lapsedAt(Instant.parse("2027-05-01T15:00:00Z"), TERMS)).isTrue();  // 2 May, Tokyo
        assertThat(Membership.lapsesOn(active.expiresOn(), TERMS)).isEqualTo(LocalDate.parse("2027-05-02"));
        Membership lapsed = active.lapse(Instant.parse("2027-05-02T00:00:00Z"), TERMS);
        assertThat(lapsed.status()).isEqualTo(MembershipStatus.LAPSED);
        assertThatThrownBy(() -> active.lapse(Instant.parse("2027-04-30T00:00:00Z"), TERMS))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> lapsed.renew(Instant.parse("2027-05-02T00:00:00Z"), TERMS))
                .isInstanceOf(ConflictException.class);
    }
}
