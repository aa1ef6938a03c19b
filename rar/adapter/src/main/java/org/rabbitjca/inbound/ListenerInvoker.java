// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import jakarta.resource.spi.endpoint.MessageEndpoint;
import org.rabbitjca.api.RabbitMessage;

import java.lang.reflect.Method;

/**
 * How a delivery reaches a message-driven bean of one listener interface: the method the container is told about,
 * the message that method takes, and the call. The adapter's own {@link NativeListener}, and the JMS face's.
 *
 * @param <M> the message the listener method takes
 */
public interface ListenerInvoker<M> {

    /** @return the listener method, as {@code beforeDelivery} and {@code isDeliveryTransacted} want it */
    Method method();

    /**
     * Turns a delivery into what the bean takes, before any transaction begins.
     *
     * @param delivery the delivery
     * @param failedAttemptsBefore how many tries of it failed before this one
     * @param application the bean's class loader, for classes a message body names
     * @return the bean's message
     * @throws UnreadableMessageException when the delivery cannot be what the bean takes: it goes to the
     *                                    dead-letter target at once, without a try
     */
    M convert(RabbitMessage delivery, int failedAttemptsBefore, ClassLoader application)
            throws UnreadableMessageException;

    /**
     * Calls the bean's listener method.
     *
     * @param endpoint the container's endpoint instance, which implements the listener interface
     * @param message what {@link #convert} made of the delivery
     */
    void deliver(MessageEndpoint endpoint, M message) throws Exception;
}
