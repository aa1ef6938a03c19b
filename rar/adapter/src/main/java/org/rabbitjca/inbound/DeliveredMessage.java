// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Envelope;
import org.rabbitjca.api.RabbitMessage;

import java.util.Map;

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

    /** Header counting the failed tries of a message, set by the adapter when it schedules a retry. */
    static final String ATTEMPTS_HEADER = "x-rabbitjca-attempts";

    /** @return how many tries of this message failed before this delivery (0 for a new message) */
    int failedAttemptsBefore() {
        Map<String, Object> headers = properties.getHeaders();
        return headers != null && headers.get(ATTEMPTS_HEADER) instanceof Number attempts ? attempts.intValue() : 0;
    }

    @Override
    public String toString() {
        return "RabbitMessage[queue=" + queue + ", deliveryTag=" + envelope.getDeliveryTag() + ", messageId="
                + properties.getMessageId() + ", redelivered=" + envelope.isRedeliver() + ", failed tries before="
                + failedAttemptsBefore() + traceId().map(id -> ", trace=" + id).orElse("") + ", " + body.length
                + " bytes]";
    }
}
