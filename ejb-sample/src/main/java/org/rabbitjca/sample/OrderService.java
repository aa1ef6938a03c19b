// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.sample;

import com.rabbitmq.client.AMQP;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.rabbitjca.api.RabbitConnection;
import org.rabbitjca.api.RabbitConnectionFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Orders and their events, in one container transaction each: {@link #place} stores the order and publishes its
 * OrderPlaced event; the adapter holds the message until the transaction commits, sends it with a publisher
 * confirm before the database commits, and sends nothing if the transaction rolls back. A refused message (nack,
 * unroutable, timeout) rolls the order back too.
 */
@Stateless
public class OrderService {

    @PersistenceContext
    private EntityManager orders;

    @Resource(lookup = "java:app/rabbitmq/orders")
    private RabbitConnectionFactory rabbit;

    /**
     * @param item what is ordered
     * @param quantity how many; 0 or less is stored, and then refused by shipping (the sample's poison order)
     * @return the stored order
     */
    public Order place(String item, int quantity) {
        Order order = new Order(item, quantity);
        orders.persist(order);
        orders.flush(); // gives the order its number, which the event carries
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().messageId("order-" + order.getId())
                .contentType("application/json").deliveryMode(2).type("OrderPlaced").build();
        try (RabbitConnection connection = rabbit.getConnection()) {
            // mandatory: an event no queue is bound for fails the commit instead of vanishing
            connection.publish(OrderEvents.EXCHANGE, OrderEvents.PLACED, true, properties,
                    OrderEvents.placed(order).getBytes(StandardCharsets.UTF_8));
        }
        return order;
    }

    /** @return the order with this number, if there is one */
    public Optional<Order> find(long id) {
        return Optional.ofNullable(orders.find(Order.class, id));
    }

    /** @return every order, oldest first */
    public List<Order> all() {
        return orders.createQuery("select o from Order o order by o.id", Order.class).getResultList();
    }

    /**
     * @param id the order
     * @param status where it is now
     * @param note how it was shipped, or why it was rejected
     */
    public void move(long id, OrderStatus status, String note) {
        Order order = orders.find(Order.class, id);
        if (order == null) {
            throw new IllegalStateException("No order " + id);
        }
        order.move(status, note);
    }
}
