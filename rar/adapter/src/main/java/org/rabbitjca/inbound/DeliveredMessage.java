// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Envelope;
import org.rabbitjca.api.RabbitMessage;

/**
 * A delivery as handed to the endpoint.
 *
 * @param queue the queue it came from
 * @param body the body
 * @param properties the message properties
 * @param envelope the envelope
 */
record DeliveredMessage(String queue, byte[] body, AMQP.BasicProperties properties, Envelope envelope)
        implements RabbitMessage {

    @Override
    public String toString() {
        return "RabbitMessage[queue=" + queue + ", deliveryTag=" + envelope.getDeliveryTag() + ", messageId="
                + properties.getMessageId() + ", redelivered=" + envelope.isRedeliver() + ", " + body.length + " bytes]";
    }
}
