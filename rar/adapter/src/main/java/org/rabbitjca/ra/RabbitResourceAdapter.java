// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.ra;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.rabbitjca.api.monitoring.RabbitMonitoring;
import org.rabbitjca.broker.AdapterScope;
import org.rabbitjca.broker.BrokerConnections;
import org.rabbitjca.inbound.ContainerServices;
import org.rabbitjca.inbound.QueueActivation;
import org.rabbitjca.inbound.RabbitActivationSpec;
import org.rabbitjca.settings.ConnectionProperties;
import org.rabbitjca.settings.ConnectionSettings;
import org.rabbitjca.settings.ConsumerProperties;
import org.rabbitjca.settings.InvalidSettingsException;

import javax.transaction.xa.XAResource;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rabbitmq-jca resource adapter. Its connection properties are the server-wide defaults that every pool and
 * message-driven bean inherits unless it sets its own. Lifecycle calls come from the container, one at a time for
 * start/stop; endpoint activations may come concurrently and are kept in a concurrent map.
 */
@Connector(displayName = "RabbitMQ Resource Adapter", vendorName = "rabbitmq-jca", eisType = "RabbitMQ",
        version = "0.1", description = "Pooled AMQP channels with publisher confirms, and message-driven beans fed "
        + "by RabbitMQ queues.", transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class RabbitResourceAdapter extends ConsumerProperties implements ResourceAdapter, AdapterScope {

    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(RabbitResourceAdapter.class.getName());

    private record EndpointKey(MessageEndpointFactory factory, ActivationSpec spec) {
    }

    private transient volatile BrokerConnections connections;
    private transient volatile ContainerServices container;
    private final transient Map<EndpointKey, QueueActivation> activations = new ConcurrentHashMap<>();

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        try {
            ConnectionSettings.resolve("the rabbitmq-jca resource adapter", this);
        } catch (InvalidSettingsException invalid) {
            throw new ResourceAdapterInternalException(invalid.getMessage(), invalid);
        }
        try {
            container = new ContainerServices(context.getWorkManager(), context.createTimer(),
                    context.getTransactionSynchronizationRegistry());
        } catch (UnavailableException noTimer) {
            throw new ResourceAdapterInternalException("The container gives rabbitmq-jca no timer, which it needs to "
                    + "schedule reconnects: " + noTimer.getMessage(), noTimer);
        }
        connections = new BrokerConnections();
        LOG.log(Level.INFO, "rabbitmq-jca started; default broker addresses: {0}",
                getAddresses() == null ? ConnectionSettings.DEFAULT_ADDRESSES : getAddresses());
    }

    @Override
    public void stop() {
        activations.values().forEach(QueueActivation::stop);
        activations.clear();
        ContainerServices lent = container;
        if (lent != null) {
            lent.timer().cancel();
        }
        if (connections != null) {
            connections.close();
        }
        // The pools' entries (a bean's went at its deactivation): the registry lives in this .rar's class loader.
        RabbitMonitoring.resources().forEach(RabbitMonitoring::unregister);
        LOG.log(Level.INFO, "rabbitmq-jca stopped");
    }

    /** @return this adapter: its connection properties are the pools' defaults */
    @Override
    public ConnectionProperties connectionDefaults() {
        return this;
    }

    @Override
    public BrokerConnections connections() {
        BrokerConnections current = connections;
        if (current == null) {
            throw new IllegalStateException("The rabbitmq-jca resource adapter is not started");
        }
        return current;
    }

    @Override
    public TransactionSynchronizationRegistry transactions() {
        ContainerServices lent = container;
        return lent == null ? null : lent.transactions();
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        if (!(spec instanceof RabbitActivationSpec rabbitSpec)) {
            throw new NotSupportedException("rabbitmq-jca cannot activate " + spec + ": not a RabbitActivationSpec");
        }
        String name = "message-driven bean '" + beanName(factory) + "'";
        QueueActivation activation = new QueueActivation(name, factory, rabbitSpec.listener(),
                rabbitSpec.configuration(name), connections(), container);
        activation.start();
        activations.put(new EndpointKey(factory, spec), activation);
    }

    /**
     * @return the bean's class name, which logs and errors name it by (the container's activation name, e.g.
     *         Payara's {@code domain1_server_app_module_Class}, when the container does not say the class)
     */
    private static String beanName(MessageEndpointFactory factory) {
        Class<?> bean = factory.getEndpointClass();
        return bean != null ? bean.getName() : factory.getActivationName();
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        QueueActivation activation = activations.remove(new EndpointKey(factory, spec));
        if (activation != null) {
            activation.stop();
        }
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RabbitResourceAdapter that && sameConnectionProperties(that);
    }

    @Override
    public int hashCode() {
        return connectionPropertiesHash();
    }

    @Override
    public String toString() {
        return "RabbitResourceAdapter[" + describeConnectionProperties() + "]";
    }
}
