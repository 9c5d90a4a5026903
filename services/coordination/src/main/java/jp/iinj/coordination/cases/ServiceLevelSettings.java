package jp.iinj.coordination.cases;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code iinj.coordination.service-levels}: how long a coordinator has to accept an assigned case and to make first
 * contact, from the assignment.
 */
@ConfigurationProperties("iinj.coordination.service-levels")
public record ServiceLevelSettings(@DefaultValue("2d") Duration acceptWithin,
                                   @DefaultValue("10d") Duration firstContactWithin) {
}
