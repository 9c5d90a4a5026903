package jp.iinj.httpapi.correlation;

import io.micrometer.context.ThreadLocalAccessor;
import jp.iinj.httpapi.core.correlation.CorrelationIds;
import org.slf4j.MDC;

/**
 * Copies the correlation id between the Reactor context and the logging MDC wherever Reactor hops threads.
 * Registered through {@code META-INF/services}, so the global {@code ContextRegistry} knows it exactly once.
 */
public final class CorrelationIdMdcAccessor implements ThreadLocalAccessor<String> {

    @Override
    public Object key() {
        return RequestCorrelation.CONTEXT_KEY;
    }

    @Override
    public String getValue() {
        return MDC.get(CorrelationIds.MDC_KEY);
    }

    @Override
    public void setValue(String value) {
        MDC.put(CorrelationIds.MDC_KEY, value);
    }

    @Override
    public void setValue() {
        MDC.remove(CorrelationIds.MDC_KEY);
    }
}
