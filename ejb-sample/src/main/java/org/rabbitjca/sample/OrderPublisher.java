// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.sample;

import com.rabbitmq.client.AMQP;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import org.rabbitjca.api.RabbitConnection;
import org.rabbitjca.api.RabbitConnectionFactory;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Publishes orders to the orders queue; returns once the broker confirmed each one. */
@Stateless
public class OrderPublisher {

    /** The queue the sample's orders go to. */
    public static final String QUEUE = "sample.orders";

    @Resource(lookup = "java:app/rabbitmq/orders")
    private RabbitConnectionFactory factory;

    /**
     * @param order the order text
     * @return the message id given to the order
     */
    public String publish(String order) {
        String messageId = UUID.randomUUID().toString();
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .messageId(messageId).contentType("text/plain").deliveryMode(2).build();
        try (RabbitConnection connection = factory.getConnection()) {
            connection.publish("", QUEUE, true, properties, order.getBytes(StandardCharsets.UTF_8));
        }
        return messageId;
    }
}
