package jp.iinj.eventfeeds.sinks;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.resolver.InetSocketAddressResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import reactor.core.scheduler.Schedulers;

/**
 * The webhook client's name resolution, checked at every connection: a host that resolves to an address the
 * {@link SinkPolicy} does not allow is not connected to, whatever it resolved to when the subscription was made (DNS
 * rebinding). All of the host's addresses must be allowed, so that no retry can land on the forbidden one.
 */
public final class SinkAddressResolver extends AddressResolverGroup<InetSocketAddress> {

    private final SinkPolicy policy;

    public SinkAddressResolver(SinkPolicy policy) {
        this.policy = policy;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new InetSocketAddressResolver(executor, new InetNameResolver(executor) {
            // the lookup blocks: it runs on a worker, never on the event loop
            @Override
            protected void doResolve(String host, Promise<InetAddress> promise) {
                Schedulers.boundedElastic().schedule(() -> {
                    try {
                        promise.trySuccess(allowed(host).get(0));
                    } catch (UnknownHostException refused) {
                        promise.tryFailure(refused);
                    }
                });
            }

            @Override
            protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
                Schedulers.boundedElastic().schedule(() -> {
                    try {
                        promise.trySuccess(allowed(host));
                    } catch (UnknownHostException refused) {
                        promise.tryFailure(refused);
                    }
                });
            }
        });
    }

    private List<InetAddress> allowed(String host) throws UnknownHostException {
        List<InetAddress> addresses = Arrays.asList(InetAddress.getAllByName(host));
        for (InetAddress address : addresses) {
            if (!policy.mayConnect(address)) {
                throw new SinkRefusedException(host, address);
            }
        }
        return addresses;
    }

    /** The sink's host resolved to an address webhooks may not go to. */
    public static final class SinkRefusedException extends UnknownHostException {

        SinkRefusedException(String host, InetAddress address) {
            super(host + " resolves to " + address.getHostAddress() + ", which webhooks may not reach");
        }
    }
}
