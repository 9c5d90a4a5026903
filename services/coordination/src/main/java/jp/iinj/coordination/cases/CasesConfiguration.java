package jp.iinj.coordination.cases;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jp.iinj.coordination.assignment.AssignmentRules;

/** The assignment rules are pure; the cases use them with the platform clock. */
@Configuration(proxyBeanMethods = false)
class CasesConfiguration {

    @Bean
    AssignmentRules assignmentRules(Clock clock) {
        return new AssignmentRules(clock);
    }
}
