// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import jakarta.resource.spi.endpoint.MessageEndpoint;
import org.rabbitjca.api.RabbitMessage;
import org.rabbitjca.api.RabbitMessageListener;

import java.lang.reflect.Method;

/** The adapter's own listener interface: the bean gets the delivery as it came, a {@link RabbitMessage}. */
public final class NativeListener implements ListenerInvoker<RabbitMessage> {

    /** The one instance: it keeps no state. */
    public static final NativeListener INSTANCE = new NativeListener();

    private static final Method ON_MESSAGE;

    static {
        try {
            ON_MESSAGE = RabbitMessageListener.class.getMethod("onMessage", RabbitMessage.class);
        } catch (NoSuchMethodException impossible) {
            throw new ExceptionInInitializerError(impossible);
        }
    }

    private NativeListener() {
    }

    @Override
    public Method method() {
        return ON_MESSAGE;
    }

    @Override
    public RabbitMessage convert(RabbitMessage delivery, int failedAttemptsBefore, ClassLoader application) {
        return delivery;
    }

    @Override
    public void deliver(MessageEndpoint endpoint, RabbitMessage message) throws Exception {
        ((RabbitMessageListener) endpoint).onMessage(message);
    }
}
