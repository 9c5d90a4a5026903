package jp.iinj.coordination.cases;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code iinj.coordination.service-levels}: how many Japanese business days a coordinator has to accept an assigned
 * case and to make first contact, from the assignment (see {@code servicelevels/BusinessDays}).
 */
@ConfigurationProperties("iinj.coordination.service-levels")
public record ServiceLevelSettings(@DefaultValue("2") int acceptWithinBusinessDays,
                                   @DefaultValue("10") int firstContactWithinBusinessDays) {

    public ServiceLevelSettings {
        if (acceptWithinBusinessDays < 1 || firstContactWithinBusinessDays < 1) {
            throw new IllegalArgumentException("service levels are at least one business day");
        }
    }
}
