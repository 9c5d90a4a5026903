package jp.iinj.httpapi.validation;

import jakarta.validation.Validator;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;

import jp.iinj.httpapi.core.validation.InputValidation;

/** {@link InputValidation} over the application's Bean Validation validator, for inputs checked in a service. */
@AutoConfiguration(after = ValidationAutoConfiguration.class)
@ConditionalOnBean(Validator.class)
public class InputValidationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    InputValidation inputValidation(Validator validator) {
        return new InputValidation(validator);
    }
}
