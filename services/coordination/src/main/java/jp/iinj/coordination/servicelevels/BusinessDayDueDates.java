package jp.iinj.coordination.servicelevels;

import java.time.Instant;

import org.springframework.stereotype.Component;

import jp.iinj.coordination.cases.DueDates;
import jp.iinj.coordination.cases.ServiceLevelSettings;

/** The service levels in Japanese business days, counted from the assignment. */
@Component
public class BusinessDayDueDates implements DueDates {

    private final ServiceLevelSettings settings;
    private final BusinessDays businessDays;

    public BusinessDayDueDates(ServiceLevelSettings settings) {
        this.settings = settings;
        this.businessDays = BusinessDays.ofJapan();
    }

    @Override
    public Instant acceptanceDue(Instant assignedAt) {
        return businessDays.dueAfter(assignedAt, settings.acceptWithinBusinessDays());
    }

    @Override
    public Instant firstContactDue(Instant assignedAt) {
        return businessDays.dueAfter(assignedAt, settings.firstContactWithinBusinessDays());
    }
}
