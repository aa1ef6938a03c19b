// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.api;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Envelope;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** A message delivered to a {@link RabbitMessageListener}: body, properties and envelope, immutable. */
public interface RabbitMessage {

    /** @return the queue the message was consumed from */
    String queue();

    /** @return the message body (a copy is not made: do not modify it) */
    byte[] body();

    /** @return the message body decoded as UTF-8 */
    default String bodyAsString() {
        return new String(body(), StandardCharsets.UTF_8);
    }

    /** @return the message properties (headers, message id, content type, ...) */
    AMQP.BasicProperties properties();

    /** @return the envelope: exchange, routing key, redelivered flag and delivery tag */
    Envelope envelope();

    /**
     * @return the W3C trace context the message carries in its {@value TraceParent#HEADER} header: the adapter sets
     *         one on every message it publishes, taken from the publisher's trace; empty when the message has none
     */
    default Optional<TraceParent> traceParent() {
        Map<String, Object> headers = properties().getHeaders();
        return TraceParent.parse(headers == null ? null : headers.get(TraceParent.HEADER));
    }

    /** @return the id of the trace the message belongs to (32 hex digits), which logs and traces show */
    default Optional<String> traceId() {
        return traceParent().map(TraceParent::traceId);
    }
}
