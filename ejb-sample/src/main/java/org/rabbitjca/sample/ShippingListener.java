// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.sample;

import com.rabbitmq.client.AMQP;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.json.JsonObject;
import org.rabbitjca.api.RabbitConnection;
import org.rabbitjca.api.RabbitConnectionFactory;
import org.rabbitjca.api.RabbitMessage;
import org.rabbitjca.api.RabbitMessageListener;

import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * Ships placed orders, in the container's transaction (the default for a message-driven bean): the adapter
 * acknowledges the event when the transaction commits, with the order's new state and its OrderShipped event,
 * published through the pool {@code java:app/rabbitmq/events} that {@code com.example.orders.RabbitResources}
 * declares with {@code @ConnectionFactoryDefinition}. An order of quantity 0 or less
 * cannot ship: the bean throws, the transaction rolls back, the adapter tries twice more, then moves the event to
 * the dead-letter queue {@code sample.shipping.dlq} with the reason, where {@link RejectedOrdersListener} takes it.
 * Its queue is bound to the topic exchange for {@code order.placed} only.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "queue", propertyValue = ShippingListener.QUEUE),
        @ActivationConfigProperty(propertyName = "declareQueue", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "exchange", propertyValue = OrderEvents.EXCHANGE),
        @ActivationConfigProperty(propertyName = "exchangeType", propertyValue = "topic"),
        @ActivationConfigProperty(propertyName = "routingKeys", propertyValue = OrderEvents.PLACED),
        @ActivationConfigProperty(propertyName = "maxAttempts", propertyValue = "3"),
        @ActivationConfigProperty(propertyName = "retryInitialDelayMillis", propertyValue = "200")
})
public class ShippingListener implements RabbitMessageListener {

    /** The queue of events to ship. */
    public static final String QUEUE = "sample.shipping";
    private static final Logger LOG = Logger.getLogger(ShippingListener.class.getName());

    @EJB
    private OrderService orders;

    @Resource(lookup = "java:app/rabbitmq/events")
    private RabbitConnectionFactory events;

    @Override
    public void onMessage(RabbitMessage message) {
        JsonObject event = OrderEvents.read(message);
        long id = event.getJsonNumber("id").longValue();
        int quantity = event.getInt("quantity");
        String trace = message.traceId().orElse("none");
        if (quantity <= 0) {
            throw new IllegalArgumentException("order " + id + " has quantity " + quantity + ": nothing to ship");
        }
        orders.move(id, OrderStatus.SHIPPED, "shipped " + quantity + " " + event.getString("item") + ", trace "
                + trace);
        AMQP.BasicProperties shipped = new AMQP.BasicProperties.Builder().messageId("shipped-" + id)
                .contentType("application/json").deliveryMode(2).type("OrderShipped").build();
        try (RabbitConnection connection = events.getConnection()) { // held until this delivery's commit
            connection.publish(OrderEvents.EXCHANGE, OrderEvents.SHIPPED, true, shipped,
                    OrderEvents.shipped(id).getBytes(StandardCharsets.UTF_8));
        }
        LOG.info(() -> "Shipped order " + id + " (" + quantity + " " + event.getString("item") + ", trace " + trace
                + ")");
    }
}
