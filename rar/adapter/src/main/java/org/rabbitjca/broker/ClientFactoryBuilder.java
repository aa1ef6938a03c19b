// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.broker;

import com.rabbitmq.client.Address;
import com.rabbitmq.client.AddressResolver;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultSaslConfig;
import com.rabbitmq.client.ListAddressResolver;
import org.rabbitjca.settings.ConnectionSettings;

import java.util.List;

/** Turns {@link ConnectionSettings} into a configured amqp-client {@link ConnectionFactory}; the one place that does. */
final class ClientFactoryBuilder {

    private ClientFactoryBuilder() {
    }

    static ConnectionFactory build(ConnectionSettings settings) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setVirtualHost(settings.virtualHost());
        factory.setUsername(settings.username());
        factory.setPassword(settings.password().reveal());
        factory.setRequestedHeartbeat(settings.requestedHeartbeatSeconds());
        factory.setConnectionTimeout(settings.connectionTimeoutMillis());
        factory.setHandshakeTimeout(settings.connectionTimeoutMillis());
        factory.setShutdownTimeout(settings.connectionTimeoutMillis());
        // amqp-client waits 10 minutes for a reply by default; a declaration or consumer start that the broker
        // cannot answer (a quorum queue electing its leader, a node going down) must fail and be retried instead.
        factory.setChannelRpcTimeout(settings.connectionTimeoutMillis());
        // The connection comes back by itself after a network failure; channels and consumers do not: a pooled
        // channel must be replaced through the container, and endpoints re-subscribe themselves, so topology
        // recovery (which re-creates them silently and forgets its own failures) stays off.
        factory.setAutomaticRecoveryEnabled(true);
        factory.setTopologyRecoveryEnabled(false);
        factory.setRecoveryDelayHandler(settings.reconnect()::delayMillis);
        if (settings.externalLogin()) {
            factory.setSaslConfig(DefaultSaslConfig.EXTERNAL);
        }
        if (settings.tls().enabled()) {
            TlsSockets.apply(factory, settings.tls(), settings.describeAddresses());
        }
        return factory;
    }

    /**
     * @return the addresses to connect to, which amqp-client tries in a random order for every connection and
     *         recovery unless {@code shuffleAddresses} is false
     */
    static AddressResolver addresses(ConnectionSettings settings) {
        return settings.shuffleAddresses() ? new ListAddressResolver(settings.addresses())
                : new ListAddressResolver(settings.addresses()) {
                    @Override
                    public List<Address> maybeShuffle(List<Address> input) {
                        return input;
                    }
                };
    }
}
