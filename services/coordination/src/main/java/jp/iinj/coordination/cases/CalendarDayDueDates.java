package jp.iinj.coordination.cases;

import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * Due dates in calendar days (Japan has no daylight saving, so a day is 24 hours). A stand-in: the issue asks for
 * Japanese business days, which replace this bean behind {@link DueDates}.
 */
@Component
public class CalendarDayDueDates implements DueDates {

    private final ServiceLevelSettings settings;

    public CalendarDayDueDates(ServiceLevelSettings settings) {
        this.settings = settings;
    }

    @Override
    public Instant acceptanceDue(Instant assignedAt) {
        return assignedAt.plus(settings.acceptWithin());
    }

    @Override
    public Instant firstContactDue(Instant assignedAt) {
        return assignedAt.plus(settings.firstContactWithin());
    }
}
