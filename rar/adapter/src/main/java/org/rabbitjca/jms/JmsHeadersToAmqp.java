// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.jms;

import com.rabbitmq.client.AMQP;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

import java.util.Date;
import java.util.function.BiFunction;

/**
 * Completes the AMQP properties rabbitmq-jms writes for a message sent to a RabbitMQ queue or topic: it puts the JMS
 * headers in AMQP headers only ({@code JMSMessageID}, {@code JMSTimestamp}, ...); this puts the message id, the
 * timestamp and the type where any AMQP consumer looks for them, and marks a text message's body as UTF-8 text.
 * (rabbitmq-jms sets the delivery mode, priority, expiration, correlation id and reply-to itself.)
 */
final class JmsHeadersToAmqp
        implements BiFunction<AMQP.BasicProperties.Builder, Message, AMQP.BasicProperties.Builder> {

    /** The content type of a {@link TextMessage}'s body. */
    static final String TEXT = "text/plain; charset=utf-8";

    @Override
    public AMQP.BasicProperties.Builder apply(AMQP.BasicProperties.Builder properties, Message message) {
        try {
            properties.messageId(message.getJMSMessageID()).timestamp(new Date(message.getJMSTimestamp()))
                    .type(message.getJMSType());
        } catch (JMSException unreadable) {
            throw new JMSRuntimeException("Cannot read the headers of the message to send: "
                    + unreadable.getMessage(), unreadable.getErrorCode(), unreadable);
        }
        return message instanceof TextMessage ? properties.contentType(TEXT) : properties;
    }
}
