// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.bench.app;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.MessageProperties;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import org.rabbitjca.api.RabbitConnection;
import org.rabbitjca.api.RabbitConnectionFactory;

import java.util.concurrent.CompletableFuture;

/** Publishes the way an application does: a handle from the pooled factory per call, closed at once. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BenchPublisher {

    /** Persistent messages, as every benchmark row publishes. */
    static final AMQP.BasicProperties PERSISTENT = MessageProperties.PERSISTENT_BASIC;

    /** The JNDI name of the pool with publisher confirms. */
    static final String CONFIRMED = "java:app/rabbitmq/confirmed";

    /** The JNDI name of the JMS pool (confirms on). */
    static final String JMS = "java:app/jms/bench";

    @Resource(lookup = CONFIRMED)
    private RabbitConnectionFactory confirmed;

    @Resource(lookup = "java:app/rabbitmq/unconfirmed")
    private RabbitConnectionFactory unconfirmed;

    @Resource(lookup = JMS)
    private ConnectionFactory jms;

    /** Publishes one message and waits for its confirm. */
    public void publishConfirmed(String queue, byte[] body) {
        try (RabbitConnection connection = confirmed.getConnection()) {
            connection.publish("", queue, PERSISTENT, body);
        }
    }

    /** Sends one persistent bytes message through the JMS face, a context per call; returns once confirmed. */
    public void sendJms(String queue, byte[] body) {
        try (JMSContext context = jms.createContext()) {
            context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(context.createQueue(queue), body);
        }
    }

    /** Publishes one message through the pool without confirms (fire and forget). */
    public void publishUnconfirmed(String queue, byte[] body) {
        try (RabbitConnection connection = unconfirmed.getConnection()) {
            connection.publish("", queue, PERSISTENT, body);
        }
    }

    /** Publishes {@code count} messages on one handle without waiting; the futures complete with the confirms. */
    public CompletableFuture<?>[] publishAsync(String queue, byte[] body, int count) {
        CompletableFuture<?>[] confirms = new CompletableFuture<?>[count];
        try (RabbitConnection connection = confirmed.getConnection()) {
            for (int i = 0; i < count; i++) {
                confirms[i] = connection.publishAsync("", queue, PERSISTENT, body);
            }
        }
        return confirms;
    }
}
