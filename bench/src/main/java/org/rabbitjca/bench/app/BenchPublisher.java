// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.bench.app;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.MessageProperties;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
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

    @Resource(lookup = CONFIRMED)
    private RabbitConnectionFactory confirmed;

    @Resource(lookup = "java:app/rabbitmq/unconfirmed")
    private RabbitConnectionFactory unconfirmed;

    /** Publishes one message and waits for its confirm. */
    public void publishConfirmed(String queue, byte[] body) {
        try (RabbitConnection connection = confirmed.getConnection()) {
            connection.publish("", queue, PERSISTENT, body);
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
