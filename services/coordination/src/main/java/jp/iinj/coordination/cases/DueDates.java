package jp.iinj.coordination.cases;

import java.time.Instant;

/**
 * When a coordinator must have accepted a case, and made first contact, counted from the moment it was assigned to
 * them. Stored on the case so that the service-level checks can find what is overdue with a query. In Japanese
 * business days: {@code servicelevels/BusinessDayDueDates}.
 */
public interface DueDates {

    Instant acceptanceDue(Instant assignedAt);

    Instant firstContactDue(Instant assignedAt);
}
