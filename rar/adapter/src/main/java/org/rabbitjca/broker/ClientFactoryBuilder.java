// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.broker;

import com.rabbitmq.client.Address;
import com.rabbitmq.client.AddressResolver;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultSaslConfig;
import com.rabbitmq.client.ListAddressResolver;
import org.rabbitjca.settings.ConnectionSettings;

import java.util.List;

/**
 * Turns {@link ConnectionSettings} into a configured amqp-client {@link ConnectionFactory}: the one place that does,
 * for every face of the adapter that needs one (the shared connections of pools and message-driven beans here, and
 * a JMS face configuring the amqp-client factory of rabbitmq-jms), so that a setting means the same everywhere.
 * Stateless and thread-safe; each call returns a new factory, owned by the caller.
 */
public final class ClientFactoryBuilder {

    /** The client property amqp-client sends as the client-provided connection name. */
    private static final String CONNECTION_NAME_PROPERTY = "connection_name";

    private ClientFactoryBuilder() {
    }

    /**
     * Sets everything the settings say: login, virtual host, heartbeat, timeouts, TLS, and the connection name
     * (which a name given to {@code newConnection} replaces). Automatic recovery is on and topology recovery off.
     * The wait between recovery attempts is left to the caller, who knows which outage it belongs to:
     * {@link ConnectionGroup} gives each of its connections a delay handler of its own.
     *
     * @param settings validated connection settings
     * @return a new factory with them
     * @throws IllegalStateException when the TLS stores, opened fine while validating, cannot be read any more
     */
    public static ConnectionFactory build(ConnectionSettings settings) {
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
        factory.getClientProperties().put(CONNECTION_NAME_PROPERTY, settings.connectionName());
        if (settings.externalLogin()) {
            factory.setSaslConfig(DefaultSaslConfig.EXTERNAL);
        }
        if (settings.tls().enabled()) {
            TlsSockets.apply(factory, settings.tls(), settings.describeAddresses());
        }
        return factory;
    }

    /**
     * @param settings validated connection settings
     * @return the addresses to connect to, which amqp-client tries in a random order for every connection and
     *         recovery unless {@code shuffleAddresses} is false
     */
    public static AddressResolver addresses(ConnectionSettings settings) {
        return settings.shuffleAddresses() ? new ListAddressResolver(settings.addresses())
                : new ListAddressResolver(settings.addresses()) {
                    @Override
                    public List<Address> maybeShuffle(List<Address> input) {
                        return input;
                    }
                };
    }
}
