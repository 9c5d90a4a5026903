package jp.iinj.memberregistry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Registers member organisations and publishes their membership lifecycle on {@code membership.member-events.v1}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MemberRegistryApplication {

    public static void main(String[] args) {
        SpringApplication.run(MemberRegistryApplication.class, args);
    }
}
