// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.transactional;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import org.rabbitjca.api.RabbitConnection;
import org.rabbitjca.api.RabbitMessage;
import org.rabbitjca.api.RabbitMessageListener;
import org.rabbitjca.it.probe.DeliveryLog;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * Consumes, writes and publishes in one container transaction: for each message of {@value #QUEUE}, a row whose key
 * is the body and a message with the same body to {@value #RELAYED}. A body starting with {@code fail} rolls back
 * every try (two, then the dead-letter queue).
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "queue", propertyValue = RelayListener.QUEUE),
        @ActivationConfigProperty(propertyName = "declareQueue", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "maxAttempts", propertyValue = "2"),
        @ActivationConfigProperty(propertyName = "retryInitialDelayMillis", propertyValue = "50")
})
public class RelayListener implements RabbitMessageListener {

    /** The queue this bean consumes. */
    public static final String QUEUE = "it.tx.relay";
    /** The queue it publishes to. */
    public static final String RELAYED = "it.tx.relayed";

    @Resource
    private MessageDrivenContext context;

    @EJB
    private DeliveryLog log;

    @Override
    public void onMessage(RabbitMessage message) throws SQLException {
        log.attempt(QUEUE, message);
        String body = new String(message.body(), StandardCharsets.UTF_8);
        OrderService.insert(OrderService.NON_XA, OrderService.TABLE, body + "-try-" + System.nanoTime());
        try (RabbitConnection connection = OrderService.factory("java:app/rabbitmq/probe").getConnection()) {
            connection.publish("", RELAYED, null, message.body());
        }
        if (body.startsWith("fail")) {
            context.setRollbackOnly();
        } else {
            log.processed(QUEUE, message);
        }
    }
}
