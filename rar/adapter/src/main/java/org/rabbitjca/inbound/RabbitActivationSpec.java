// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.Activation;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import org.rabbitjca.api.RabbitMessageListener;
import org.rabbitjca.ra.RabbitResourceAdapter;
import org.rabbitjca.settings.ConnectionProperties;
import org.rabbitjca.settings.ConnectionSettings;
import org.rabbitjca.settings.ConsumerSettings;
import org.rabbitjca.settings.InvalidSettingsException;

/**
 * The activation config of one message-driven bean implementing {@link RabbitMessageListener}: the queue to consume,
 * and connection properties overriding the adapter's (set with {@code @ActivationConfigProperty} or in
 * {@code ejb-jar.xml}). Validated by the container before activation; every problem is reported at once.
 */
@Activation(messageListeners = RabbitMessageListener.class)
public class RabbitActivationSpec extends ConnectionProperties implements ActivationSpec {

    private static final long serialVersionUID = 1L;

    private String queue;
    private Boolean declareQueue;
    private transient ResourceAdapter resourceAdapter;

    /** @return the queue property */
    public String getQueue() {
        return queue;
    }

    /** @param queue see the description */
    @ConfigProperty(description = "Required. The queue this message-driven bean consumes.")
    public void setQueue(String queue) {
        this.queue = queue;
    }

    /** @return the declareQueue property, or {@code null} when not set */
    public Boolean getDeclareQueue() {
        return declareQueue;
    }

    /** @param declareQueue see the description */
    @ConfigProperty(description = "Whether the adapter declares the queue before consuming: durable, classic, "
            + "without arguments. A queue that exists with other arguments fails the activation with the broker's "
            + "reason. Default: false (the queue must exist)")
    public void setDeclareQueue(Boolean declareQueue) {
        this.declareQueue = declareQueue;
    }

    @Override
    public void validate() throws InvalidPropertyException {
        String where = "message-driven bean listening to " + (queue == null ? "no queue" : "queue '" + queue + "'");
        consumerSettings(where);
        ConnectionSettings.resolve(where, adapterProperties(), this);
    }

    /**
     * @param where names the endpoint in error messages
     * @return the validated consumer settings
     * @throws InvalidSettingsException listing every invalid activation property
     */
    public ConsumerSettings consumerSettings(String where) throws InvalidSettingsException {
        return ConsumerSettings.resolve(where, queue, declareQueue);
    }

    private ConnectionProperties adapterProperties() {
        return resourceAdapter instanceof RabbitResourceAdapter rabbit ? rabbit : null;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter adapter) throws ResourceException {
        this.resourceAdapter = adapter;
    }

    @Override
    public String toString() {
        return "RabbitActivationSpec[queue=" + queue + ", declareQueue=" + declareQueue + ", " + describeConnectionProperties() + "]";
    }
}
