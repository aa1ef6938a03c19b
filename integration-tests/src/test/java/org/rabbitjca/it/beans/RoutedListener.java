// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.beans;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import org.rabbitjca.api.RabbitMessage;
import org.rabbitjca.api.RabbitMessageListener;
import org.rabbitjca.it.probe.DeliveryLog;

/**
 * Consumes a quorum queue the adapter declares and binds to a topic exchange with two patterns: the topology comes
 * entirely from the activation config.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "queue", propertyValue = RoutedListener.QUEUE),
        @ActivationConfigProperty(propertyName = "declareQueue", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "queueType", propertyValue = "quorum"),
        @ActivationConfigProperty(propertyName = "exchange", propertyValue = RoutedListener.EXCHANGE),
        @ActivationConfigProperty(propertyName = "exchangeType", propertyValue = "topic"),
        @ActivationConfigProperty(propertyName = "routingKeys", propertyValue = "orders.eu.*, orders.us.*")
})
public class RoutedListener implements RabbitMessageListener {

    /** The quorum queue this bean consumes. */
    public static final String QUEUE = "it.routed";
    /** The topic exchange the queue is bound to. */
    public static final String EXCHANGE = "it.events";

    @EJB
    private DeliveryLog log;

    @Override
    public void onMessage(RabbitMessage message) {
        log.attempt(QUEUE, message);
        log.processed(QUEUE, message);
    }
}
