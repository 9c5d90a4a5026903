package jp.iinj.endtoend.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import jp.iinj.testing.mail.MailBox;
import jp.iinj.testing.web.Portal;

/**
 * Starts the {@link RunningPlatform} before the first end-to-end test class and stops it after the last one (the
 * root store closes it when the whole test plan is done), and gives tests the platform, its actors and their tools
 * as parameters.
 */
public final class PlatformExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PlatformExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        platform(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RunningPlatform.class || type == Actors.class || type == FrontDoor.class || type == Portal.class
                || type == MailBox.class || type == Registrations.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        RunningPlatform platform = platform(context);
        if (type == RunningPlatform.class) {
            return platform;
        }
        Actors actors = Actors.instance(platform);
        if (type == Actors.class) {
            return actors;
        }
        if (type == FrontDoor.class) {
            return actors.frontDoor();
        }
        if (type == Portal.class) {
            return actors.portal();
        }
        if (type == MailBox.class) {
            return actors.mailBox();
        }
        return actors.registrations();
    }

    private static RunningPlatform platform(ExtensionContext context) {
        // the root store closes what it holds (AutoCloseable) once every test class has run
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(RunningPlatform.class, key -> RunningPlatform.instance(), RunningPlatform.class);
    }
}
