// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.sample.it.app;

import com.rabbitmq.client.AMQP;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import org.rabbitjca.api.RabbitConnection;
import org.rabbitjca.api.RabbitConnectionFactory;

import java.nio.charset.StandardCharsets;

/** Publishes through the pooled factory the way an application does: a handle per call, closed at once. */
@Stateless
public class ProbePublisher {

    @Resource(lookup = "java:app/rabbitmq/orders")
    private RabbitConnectionFactory factory;

    /**
     * @param exchange the exchange
     * @param routingKey the routing key
     * @param mandatory whether an unroutable message is an error
     * @param body the text body
     */
    public void publish(String exchange, String routingKey, boolean mandatory, String body) {
        AMQP.BasicProperties persistent = new AMQP.BasicProperties.Builder().deliveryMode(2).messageId(body).build();
        try (RabbitConnection connection = factory.getConnection()) {
            connection.publish(exchange, routingKey, mandatory, persistent, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** @return the factory, for probes that use the channel view */
    public RabbitConnectionFactory factory() {
        return factory;
    }
}
