// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.outbound;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.ResourceAllocationException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.ValidatingManagedConnectionFactory;
import org.rabbitjca.api.RabbitConnection;
import org.rabbitjca.api.RabbitConnectionFactory;
import org.rabbitjca.api.RabbitException;
import org.rabbitjca.broker.AdapterScope;
import org.rabbitjca.broker.ConnectionGroup;
import org.rabbitjca.broker.ConnectionRole;
import org.rabbitjca.broker.Counters;
import org.rabbitjca.broker.FailingFastException;
import org.rabbitjca.settings.ConnectionProperties;
import org.rabbitjca.settings.ConnectionSettings;
import org.rabbitjca.settings.PoolConfiguration;
import org.rabbitjca.settings.PoolProperties;
import org.rabbitjca.settings.PoolSettings;

import javax.security.auth.Subject;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * One outbound pool's factory of pooled channels. Its connection properties override the adapter's; its own
 * properties set publisher confirms and how many physical connections the pool's channels share. Settings are
 * resolved and validated once, when the first channel is created (the container has set every property by then),
 * and the group of physical connections is taken from the adapter then.
 */
@ConnectionDefinition(connectionFactory = RabbitConnectionFactory.class,
        connectionFactoryImpl = PooledConnectionFactory.class,
        connection = RabbitConnection.class,
        connectionImpl = ChannelHandle.class)
public class RabbitManagedConnectionFactory extends ConnectionProperties implements ManagedConnectionFactory,
        ResourceAdapterAssociation, ValidatingManagedConnectionFactory, TransactionSupport {

    private static final long serialVersionUID = 1L;

    private Boolean publisherConfirms;
    private Integer confirmTimeoutMillis;
    private Integer physicalConnections;
    private Integer maxMessagesPerTransaction;
    private Integer maxBytesPerTransaction;
    private Boolean holdUntilCommit;
    private transient ResourceAdapter resourceAdapter;
    /** The same object as {@link #resourceAdapter}, seen as what the pool needs of it. */
    private transient AdapterScope adapter;
    private transient PrintWriter logWriter;
    private transient volatile Resolved resolved;

    /**
     * What the pool resolved on first use: its settings, its share of the adapter's connections, and the counts
     * its channels keep for monitoring.
     */
    private record Resolved(ConnectionSettings connection, PoolSettings pool, ConnectionGroup group,
                            TransactionScope transactions, Counters counters) {
    }

    /** @return the publisherConfirms property, or {@code null} when not set */
    public Boolean getPublisherConfirms() {
        return publisherConfirms;
    }

    /** @param publisherConfirms see the description */
    @ConfigProperty(description = "Whether publish() waits until the broker confirms it stored the message (and "
            + "fails on a nack, a return or a timeout). Turn off only for messages you can afford to lose. Default: "
            + PoolSettings.DEFAULT_PUBLISHER_CONFIRMS)
    public void setPublisherConfirms(Boolean publisherConfirms) {
        this.publisherConfirms = publisherConfirms;
    }

    /** @return the confirmTimeoutMillis property, or {@code null} when not set */
    public Integer getConfirmTimeoutMillis() {
        return confirmTimeoutMillis;
    }

    /** @param confirmTimeoutMillis see the description */
    @ConfigProperty(description = "How long publish() waits for the broker's confirm, in milliseconds, before it "
            + "throws PublishTimeoutException; publishAsync() futures fail after the same time. Default: "
            + PoolSettings.DEFAULT_CONFIRM_TIMEOUT_MILLIS)
    public void setConfirmTimeoutMillis(Integer confirmTimeoutMillis) {
        this.confirmTimeoutMillis = confirmTimeoutMillis;
    }

    /** @return the physicalConnections property, or {@code null} when not set */
    public Integer getPhysicalConnections() {
        return physicalConnections;
    }

    /** @param physicalConnections see the description */
    @ConfigProperty(description = "How many AMQP connections this pool's channels are spread over. One connection "
            + "carries many channels; raise it only when one connection's socket is the bottleneck. From 1 to "
            + PoolSettings.MAX_PHYSICAL_CONNECTIONS + ". Default: " + PoolSettings.DEFAULT_PHYSICAL_CONNECTIONS)
    public void setPhysicalConnections(Integer physicalConnections) {
        this.physicalConnections = physicalConnections;
    }

    /** @return the maxMessagesPerTransaction property, or {@code null} when not set */
    public Integer getMaxMessagesPerTransaction() {
        return maxMessagesPerTransaction;
    }

    /** @param maxMessagesPerTransaction see the description */
    @ConfigProperty(description = "How many messages one JTA transaction may publish through this pool: they are "
            + "held until it commits. The publish that would cross it throws TransactionLimitExceededException and "
            + "is not held. Default: " + PoolSettings.DEFAULT_MAX_MESSAGES_PER_TRANSACTION)
    public void setMaxMessagesPerTransaction(Integer maxMessagesPerTransaction) {
        this.maxMessagesPerTransaction = maxMessagesPerTransaction;
    }

    /** @return the maxBytesPerTransaction property, or {@code null} when not set */
    public Integer getMaxBytesPerTransaction() {
        return maxBytesPerTransaction;
    }

    /** @param maxBytesPerTransaction see the description */
    @ConfigProperty(description = "How many bytes of message bodies one JTA transaction may publish through this "
            + "pool: they are held in the heap until it commits. The publish that would cross it throws "
            + "TransactionLimitExceededException and is not held. Default: "
            + PoolSettings.DEFAULT_MAX_BYTES_PER_TRANSACTION + " (16 MiB)")
    public void setMaxBytesPerTransaction(Integer maxBytesPerTransaction) {
        this.maxBytesPerTransaction = maxBytesPerTransaction;
    }

    /** @return the holdUntilCommit property, or {@code null} when not set */
    public Boolean getHoldUntilCommit() {
        return holdUntilCommit;
    }

    /** @param holdUntilCommit see the description */
    @ConfigProperty(description = "Whether a publish inside a JTA transaction is held until the transaction commits "
            + "(sent, confirmed, before the database commits; a refusal rolls the transaction back) and dropped when "
            + "it rolls back. false: publishes leave at once, inside a transaction as outside. The pool's "
            + "transaction-support attribute does not change this: the adapter is never enlisted as a resource. "
            + "Default: " + PoolSettings.DEFAULT_HOLD_UNTIL_COMMIT)
    public void setHoldUntilCommit(Boolean holdUntilCommit) {
        this.holdUntilCommit = holdUntilCommit;
    }

    @Override
    public Object createConnectionFactory(ConnectionManager connectionManager) {
        return new PooledConnectionFactory(this, connectionManager);
    }

    @Override
    public Object createConnectionFactory() throws ResourceException {
        throw new NotSupportedException("rabbitmq-jca runs inside a Jakarta EE container only: declare a "
                + "connector-connection-pool and look the connection factory up by JNDI name");
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo requestInfo)
            throws ResourceException {
        Resolved pool = resolve();
        try {
            return new RabbitManagedConnection(this, pool.group().openChannelWithGate(), pool.pool(),
                    pool.connection().username(), pool.counters());
        } catch (RabbitException failure) {
            throw new ResourceAllocationException(failure.getMessage(), failure);
        } catch (IOException failure) {
            throw new ResourceAllocationException("Cannot put a new channel in publisher-confirm mode: " + failure,
                    failure);
        }
    }

    private Resolved resolve() throws ResourceException {
        Resolved current = resolved;
        if (current == null) {
            synchronized (this) {
                current = resolved;
                if (current == null) {
                    if (adapter == null) {
                        throw new ResourceException("This connection factory is not associated with the rabbitmq-jca "
                                + "resource adapter; declare it as a connector-connection-pool of rabbitmq-jca");
                    }
                    PoolConfiguration configuration = PoolConfiguration.resolve(describe(),
                            adapter.connectionDefaults(), this, poolProperties());
                    ConnectionSettings connection = configuration.connection();
                    PoolSettings pool = configuration.pool();
                    ConnectionGroup group = adapter.connections()
                            .acquire(connection, ConnectionRole.PUBLISH, pool.physicalConnections());
                    current = new Resolved(connection, pool, group,
                            adapter.transactions() == null || !pool.holdUntilCommit() ? null
                                    : new TransactionScope(adapter.transactions(), pool),
                            PoolResource.of(group, connection.connectionName()).counters());
                    resolved = current;
                }
            }
        }
        return current;
    }

    /** @return how publishes find their JTA transaction; {@code null} when the container lends no registry */
    TransactionScope transactionScope() {
        Resolved current = resolved;
        return current == null ? null : current.transactions();
    }

    /** @return whether this pool's publishes wait for the broker's confirm: its property, else the default */
    public boolean publishesWithConfirms() {
        return Objects.requireNonNullElse(publisherConfirms, PoolSettings.DEFAULT_PUBLISHER_CONFIRMS);
    }

    private PoolProperties poolProperties() {
        return new PoolProperties(publisherConfirms, confirmTimeoutMillis, physicalConnections,
                maxMessagesPerTransaction, maxBytesPerTransaction, holdUntilCommit);
    }

    /**
     * Fails at once while the pool's broker is known to be down, before the container's pool is asked: the
     * container logs two warnings for every channel it fails to create, which would flood the log during an outage.
     * Does nothing before the first channel (nothing is known yet) or while the broker is up.
     *
     * @throws FailingFastException while the broker is known to be down
     */
    void failFastIfBrokerDown() {
        Resolved current = resolved;
        if (current != null) {
            current.group().failFastIfDown();
        }
    }

    /**
     * @return the pool as its errors name it: the container gives a pool no name the adapter can read, so its
     *         connection name and addresses
     */
    String describe() {
        return "connection pool " + ConnectionProperties.describeTarget(adapter == null ? null
                : adapter.connectionDefaults(), this);
    }

    @Override
    public ManagedConnection matchManagedConnections(Set connections, Subject subject,
                                                     ConnectionRequestInfo requestInfo) {
        for (Object candidate : connections) {
            if (candidate instanceof RabbitManagedConnection channel && channel.factory() == this
                    && channel.isUsable()) {
                return channel;
            }
        }
        return null;
    }

    @Override
    public Set<RabbitManagedConnection> getInvalidConnections(Set connections) {
        Set<RabbitManagedConnection> invalid = new HashSet<>();
        for (Object candidate : connections) {
            if (candidate instanceof RabbitManagedConnection channel && !channel.isUsable()) {
                invalid.add(channel);
            }
        }
        return invalid;
    }

    @Override
    public TransactionSupportLevel getTransactionSupport() {
        return TransactionSupportLevel.NoTransaction;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter adapter) throws ResourceException {
        if (!(adapter instanceof AdapterScope scope)) {
            throw new ResourceException("A RabbitManagedConnectionFactory belongs to the rabbitmq-jca resource "
                    + "adapter, not to " + adapter);
        }
        this.resourceAdapter = adapter;
        this.adapter = scope;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RabbitManagedConnectionFactory that && that.getClass() == getClass()
                && sameConnectionProperties(that)
                && poolProperties().equals(that.poolProperties());
    }

    @Override
    public int hashCode() {
        return Objects.hash(getClass(), connectionPropertiesHash(), poolProperties());
    }

    @Override
    public String toString() {
        return "RabbitManagedConnectionFactory[" + describeConnectionProperties() + ", " + poolProperties() + "]";
    }
}
