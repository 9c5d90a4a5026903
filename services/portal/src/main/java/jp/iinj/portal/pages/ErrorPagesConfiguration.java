package jp.iinj.portal.pages;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webflux.autoconfigure.error.DefaultErrorWebExceptionHandler;
import org.springframework.boot.webflux.error.ErrorAttributes;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.result.view.ViewResolver;

/**
 * Errors no controller handled (an unknown page, a refused form) are pages ({@code templates/error/404.html},
 * {@code 403.html}, {@code 4xx.html}, {@code 5xx.html}) whatever the request accepts: Boot's handler answers JSON
 * to anything but a browser's {@code Accept}, and a person must never see JSON. Never a stack trace or a message.
 */
@Configuration
class ErrorPagesConfiguration {

    @Bean
    @Order(-1)
    ErrorWebExceptionHandler errorPages(ErrorAttributes errorAttributes, ObjectProvider<ViewResolver> viewResolvers,
                                        ServerCodecConfigurer codecs, ApplicationContext context) {
        ErrorProperties hidden = new ErrorProperties();
        hidden.setIncludeStacktrace(ErrorProperties.IncludeAttribute.NEVER);
        hidden.setIncludeMessage(ErrorProperties.IncludeAttribute.NEVER);
        DefaultErrorWebExceptionHandler handler =
                new DefaultErrorWebExceptionHandler(errorAttributes, new WebProperties.Resources(), hidden, context) {
                    @Override
                    protected RequestPredicate acceptsTextHtml() {
                        return request -> true;
                    }
                };
        handler.setViewResolvers(viewResolvers.orderedStream().toList());
        handler.setMessageWriters(codecs.getWriters());
        handler.setMessageReaders(codecs.getReaders());
        return handler;
    }
}
