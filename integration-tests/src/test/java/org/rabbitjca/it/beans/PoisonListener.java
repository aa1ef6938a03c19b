// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.beans;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.rabbitjca.api.RabbitMessage;
import org.rabbitjca.api.RabbitMessageListener;
import org.rabbitjca.it.probe.DeliveryLog;

/**
 * Throws on every message of queue {@value #QUEUE} that carries the header {@value #POISON}; three tries each, with
 * short growing delays, then the dead-letter queue {@value #QUEUE}.dlq.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "queue", propertyValue = PoisonListener.QUEUE),
        @ActivationConfigProperty(propertyName = "declareQueue", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "maxAttempts", propertyValue = "3"),
        @ActivationConfigProperty(propertyName = "retryInitialDelayMillis", propertyValue = "50"),
        @ActivationConfigProperty(propertyName = "retryMultiplier", propertyValue = "2.0")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PoisonListener implements RabbitMessageListener {

    /** The queue this bean consumes. */
    public static final String QUEUE = "it.poison";
    /** Header that makes every try of a message fail. */
    public static final String POISON = "poison";

    @EJB
    private DeliveryLog log;

    @Override
    public void onMessage(RabbitMessage message) {
        log.attempt(QUEUE, message);
        if (message.properties().getHeaders() != null && message.properties().getHeaders().containsKey(POISON)) {
            throw new IllegalArgumentException("cannot process " + message.properties().getMessageId());
        }
        log.processed(QUEUE, message);
    }
}
