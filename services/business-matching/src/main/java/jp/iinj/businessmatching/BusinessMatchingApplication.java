package jp.iinj.businessmatching;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Partnering profiles, explained automatic matching and expressions of interest; publishes on
 * {@code matching.matching-events.v1}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BusinessMatchingApplication {

    public static void main(String[] args) {
        SpringApplication.run(BusinessMatchingApplication.class, args);
    }
}
