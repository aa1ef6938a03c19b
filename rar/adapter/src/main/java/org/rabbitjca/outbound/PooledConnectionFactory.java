// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import org.rabbitjca.api.RabbitConnection;
import org.rabbitjca.api.RabbitConnectionFactory;
import org.rabbitjca.api.RabbitException;

import javax.naming.Reference;
import java.io.Serial;
import java.io.Serializable;

/**
 * The {@link RabbitConnectionFactory} bound in JNDI: asks the container's connection manager (its pool) for a
 * channel of this pool's managed connection factory. Thread-safe and stateless apart from its references.
 */
public final class PooledConnectionFactory implements RabbitConnectionFactory, Serializable,
        jakarta.resource.Referenceable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final RabbitManagedConnectionFactory managedFactory;
    private final transient ConnectionManager connectionManager;
    private Reference reference;

    PooledConnectionFactory(RabbitManagedConnectionFactory managedFactory, ConnectionManager connectionManager) {
        this.managedFactory = managedFactory;
        this.connectionManager = connectionManager;
    }

    @Override
    public RabbitConnection getConnection() {
        try {
            return (RabbitConnection) connectionManager.allocateConnection(managedFactory, null);
        } catch (ResourceException failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof RabbitException known) {
                    throw known;
                }
            }
            throw new RabbitException("The container could not provide a RabbitMQ channel from the pool: "
                    + failure.getMessage() + ". If the pool is exhausted, close every RabbitConnection "
                    + "(try-with-resources) or raise max-pool-size.", failure);
        }
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }

    @Override
    public String toString() {
        return "RabbitConnectionFactory[" + managedFactory + "]";
    }
}
