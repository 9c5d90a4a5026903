package jp.iinj.coordination;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Coordinators who own a case from an agreed match to its outcome: the roster, the rules that choose a coordinator,
 * and the cases themselves. Publishes on {@code coordination.case-events.v1}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CoordinationApplication {

    public static void main(String[] args) {
        SpringApplication.run(CoordinationApplication.class, args);
    }
}
