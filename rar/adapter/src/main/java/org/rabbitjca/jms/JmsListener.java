// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.jms;

import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import org.rabbitjca.api.RabbitMessage;
import org.rabbitjca.inbound.ListenerInvoker;
import org.rabbitjca.inbound.UnreadableMessageException;

import java.lang.reflect.Method;
import java.util.List;

/**
 * Delivers to a bean implementing {@link MessageListener}: the adapter's consumer, threads, transactions, retries
 * and dead-lettering, with the delivery turned into a JMS message ({@link ReceivedMessages}).
 */
final class JmsListener implements ListenerInvoker<Message> {

    private static final Method ON_MESSAGE;

    static {
        try {
            ON_MESSAGE = MessageListener.class.getMethod("onMessage", Message.class);
        } catch (NoSuchMethodException impossible) {
            throw new ExceptionInInitializerError(impossible);
        }
    }

    private final List<String> trustedPackages;

    /** @param trustedPackages the packages an {@code ObjectMessage}'s classes may come from */
    JmsListener(List<String> trustedPackages) {
        this.trustedPackages = List.copyOf(trustedPackages);
    }

    @Override
    public Method method() {
        return ON_MESSAGE;
    }

    @Override
    public Message convert(RabbitMessage delivery, int failedAttemptsBefore, ClassLoader application)
            throws UnreadableMessageException {
        return ReceivedMessages.of(delivery, failedAttemptsBefore, trustedPackages, application);
    }

    @Override
    public void deliver(MessageEndpoint endpoint, Message message) {
        ((MessageListener) endpoint).onMessage(message);
    }
}
