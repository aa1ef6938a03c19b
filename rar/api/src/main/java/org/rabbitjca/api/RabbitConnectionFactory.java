// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.api;

/**
 * A container-pooled source of {@link RabbitConnection} handles, declared as a {@code connector-connection-pool}
 * plus {@code connector-resource} (or {@code @ConnectionFactoryDefinition}) and injected by JNDI name:
 * <pre>{@code @Resource(lookup = "java:app/rabbitmq/orders") RabbitConnectionFactory factory;}</pre>
 * Thread-safe: share one instance across all threads of the application.
 */
public interface RabbitConnectionFactory {

    /**
     * Takes a channel from the pool (opening one on the pool's shared broker connection when none is idle).
     * Always close the returned handle, ideally in try-with-resources; closing returns the channel to the pool.
     *
     * @return a handle for the calling thread's exclusive use
     * @throws BrokerUnavailableException when no channel can be opened on the broker
     * @throws RabbitException when the container cannot provide a connection (for example the pool is exhausted)
     */
    RabbitConnection getConnection();
}
