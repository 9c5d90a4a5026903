package jp.iinj.identity.mail;

import java.time.Clock;

import jp.iinj.identity.IdentityProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The file-writing sender unless the application declares another {@link MailSender}. */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    @Bean
    @ConditionalOnMissingBean(MailSender.class)
    FileMailSender fileMailSender(IdentityProperties properties, Clock clock) {
        return new FileMailSender(properties.mail().directoryOrDefault(), clock);
    }
}
