// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testserver;

import java.util.Map;

/**
 * A connection pool of rabbitmq-jca and its JNDI resource, as a test asks for it, whatever the server: channels
 * opened on demand (no steady pool), the pool's properties as given. A {@link ServerLauncher} writes it the server's
 * way (an application's descriptor, or the server's own configuration).
 *
 * @param name the pool's name
 * @param jndiName the JNDI name of its connection factory, e.g. {@code java:app/rabbitmq/orders}
 * @param maxPoolSize the most channels
 * @param maxWaitMillis how long {@code getConnection()} waits for a free channel
 * @param idleTimeoutSeconds after how long an idle channel is closed
 * @param properties the pool's rabbitmq-jca properties
 * @param connectionDefinition the interface of its connection factory: {@value #AMQP} or {@value #JMS}
 */
public record ConnectorPool(String name, String jndiName, int maxPoolSize, int maxWaitMillis, int idleTimeoutSeconds,
                            Map<String, String> properties, String connectionDefinition) {

    /** The connection definition of the AMQP face's pools. */
    public static final String AMQP = "org.rabbitjca.api.RabbitConnectionFactory";
    /** The connection definition of the JMS face's pools. */
    public static final String JMS = "jakarta.jms.ConnectionFactory";

    /** The idle timeout a pool gets unless the test sets one: Payara's default. */
    private static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 300;

    /** Copies the properties so the record stays immutable. */
    public ConnectorPool {
        properties = Map.copyOf(properties);
    }

    /** @return an AMQP pool with the default idle timeout */
    public static ConnectorPool of(String name, String jndiName, int maxPoolSize, int maxWaitMillis,
                                   Map<String, String> properties) {
        return new ConnectorPool(name, jndiName, maxPoolSize, maxWaitMillis, DEFAULT_IDLE_TIMEOUT_SECONDS,
                properties, AMQP);
    }

    /** @return this pool, closing idle channels after {@code seconds} instead */
    public ConnectorPool withIdleTimeoutSeconds(int seconds) {
        return new ConnectorPool(name, jndiName, maxPoolSize, maxWaitMillis, seconds, properties,
                connectionDefinition);
    }

    /** @return this pool as a JMS pool: its factory is a {@code jakarta.jms.ConnectionFactory} */
    public ConnectorPool asJms() {
        return new ConnectorPool(name, jndiName, maxPoolSize, maxWaitMillis, idleTimeoutSeconds, properties, JMS);
    }
}
