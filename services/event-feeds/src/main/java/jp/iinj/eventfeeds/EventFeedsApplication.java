package jp.iinj.eventfeeds;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Regional bodies' feeds of the platform's public events: the log of every public event, read by pull with a cursor
 * (subscriptions, webhooks, server-sent events and the regional numbers follow, issue 16).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EventFeedsApplication {

    public static void main(String[] args) {
        SpringApplication.run(EventFeedsApplication.class, args);
    }
}
