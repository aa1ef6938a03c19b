// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import org.rabbitjca.api.InvalidConfigurationException;
import org.rabbitjca.api.RabbitConnection;
import org.rabbitjca.api.RabbitConnectionFactory;
import org.rabbitjca.api.RabbitException;
import org.rabbitjca.broker.Causes;
import org.rabbitjca.settings.InvalidSettingsException;

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
        managedFactory.failFastIfBrokerDown();
        try {
            return (RabbitConnection) connectionManager.allocateConnection(managedFactory, null);
        } catch (ResourceException failure) {
            throw translate(failure);
        }
    }

    /**
     * @return what the application gets for a failed allocation: the adapter's own exception when the failure
     *         came from the adapter (the container wraps it), else a description of what the container said
     */
    private static RabbitException translate(ResourceException failure) {
        for (Throwable cause : Causes.chain(failure)) {
            if (cause instanceof RabbitException known) {
                return known;
            }
            if (cause instanceof InvalidSettingsException invalid) {
                return new InvalidConfigurationException(invalid.getMessage() + ". Fix the pool's properties "
                        + "(connector-connection-pool) and redeploy; see the configuration reference.", invalid);
            }
        }
        return new RabbitException("The container could not provide a RabbitMQ channel from the pool: "
                + failure.getMessage() + (looksExhausted(failure) ? ". The pool is exhausted: close every "
                + "RabbitConnection (try-with-resources) or raise max-pool-size." : ""), failure);
    }

    /** @return whether the container's text says every channel is in use (Payara, GlassFish: RAR5117) */
    private static boolean looksExhausted(Throwable failure) {
        return Causes.chain(failure).stream().map(Throwable::getMessage).anyMatch(text -> text != null
                && (text.contains("max-pool-size") || text.contains("max-wait-time")));
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
