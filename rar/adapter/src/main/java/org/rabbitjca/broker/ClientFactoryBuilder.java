// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.broker;

import com.rabbitmq.client.ConnectionFactory;
import org.rabbitjca.settings.ConnectionSettings;

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
        // The connection comes back by itself after a network failure; channels and consumers do not: a pooled
        // channel must be replaced through the container, and endpoints re-subscribe themselves, so topology
        // recovery (which re-creates them silently and forgets its own failures) stays off.
        factory.setAutomaticRecoveryEnabled(true);
        factory.setTopologyRecoveryEnabled(false);
        factory.setRecoveryDelayHandler(Backoff.DEFAULT::delayMillis);
        return factory;
    }
}
