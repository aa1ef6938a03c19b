// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.Activation;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.ResourceAdapter;
import org.rabbitjca.api.RabbitMessageListener;
import org.rabbitjca.settings.ConsumerProperties;
import org.rabbitjca.settings.EndpointConfiguration;
import org.rabbitjca.settings.EndpointProperties;
import org.rabbitjca.settings.InvalidSettingsException;

/**
 * The activation config of one message-driven bean implementing {@link RabbitMessageListener}: its queue and
 * topology, how it consumes, and connection properties overriding the adapter's (set with
 * {@code @ActivationConfigProperty} or in {@code ejb-jar.xml}). Every problem is reported at once, both from
 * {@link #validate()} and when the adapter activates the endpoint (Payara does not call {@code validate()}).
 */
@Activation(messageListeners = RabbitMessageListener.class)
public class RabbitActivationSpec extends EndpointProperties implements ActivationSpec {

    private static final long serialVersionUID = 1L;

    private transient ResourceAdapter resourceAdapter;

    /** Checks nothing: the activation checks every property, and its message names the bean (see the type). */
    @Override
    public void validate() {
        // deliberately empty: see the type's documentation
    }

    /**
     * @param where names the endpoint in error messages
     * @return the validated consumer and connection settings, the adapter's defaults applied
     * @throws InvalidSettingsException listing every invalid activation property, of both kinds
     */
    public EndpointConfiguration configuration(String where) throws InvalidSettingsException {
        return EndpointConfiguration.resolve(where, adapter(), this);
    }

    /** @return how deliveries reach the bean: as {@link org.rabbitjca.api.RabbitMessage}s */
    public ListenerInvoker<?> listener() {
        return NativeListener.INSTANCE;
    }

    /** @return the adapter's properties, which the endpoint's unset properties inherit, or {@code null} */
    private ConsumerProperties adapter() {
        return resourceAdapter instanceof ConsumerProperties defaults ? defaults : null;
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
        return "RabbitActivationSpec[queue=" + getQueue() + ", " + describeConnectionProperties() + "]";
    }
}
