package jp.iinj.testing.chromium;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * {@link RequiresChromium}'s browser: a test method that names a {@link HeadlessChromium} parameter gets the one of its
 * class, started at first use and closed after the class (the store closes what it holds), so browser test classes
 * carry no start-and-stop code of their own.
 */
final class ChromiumPerClass implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ChromiumPerClass.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == HeadlessChromium.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext ofClass = context;
        while (ofClass.getTestMethod().isPresent() && ofClass.getParent().isPresent()) {
            ofClass = ofClass.getParent().get();
        }
        return ofClass.getStore(NAMESPACE).getOrComputeIfAbsent(HeadlessChromium.class,
                key -> HeadlessChromium.start(), HeadlessChromium.class);
    }
}
