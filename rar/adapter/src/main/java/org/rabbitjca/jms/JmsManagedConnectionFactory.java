// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.jms;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import org.rabbitjca.api.RabbitConnectionFactory;
import org.rabbitjca.outbound.RabbitManagedConnectionFactory;

/**
 * One JMS pool's factory: the same pooled channels, properties and connections as an AMQP pool's
 * ({@link RabbitManagedConnectionFactory}), handed to the application as a {@link ConnectionFactory}. Declare it with
 * {@code connection-definition-name="jakarta.jms.ConnectionFactory"}.
 */
@ConnectionDefinition(connectionFactory = ConnectionFactory.class,
        connectionFactoryImpl = PooledJmsConnectionFactory.class,
        connection = Connection.class,
        connectionImpl = JmsConnection.class)
public class JmsManagedConnectionFactory extends RabbitManagedConnectionFactory {

    private static final long serialVersionUID = 1L;

    @Override
    public Object createConnectionFactory(ConnectionManager connectionManager) {
        return new PooledJmsConnectionFactory((RabbitConnectionFactory) super.createConnectionFactory(
                connectionManager), publishesWithConfirms());
    }

    @Override
    public String toString() {
        return "Jms" + super.toString();
    }
}
