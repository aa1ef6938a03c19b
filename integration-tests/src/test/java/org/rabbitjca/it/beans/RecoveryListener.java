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
 * Consumes queue {@value #QUEUE} at a modest pace (about 10 ms of work per message, ten at once), so that a test
 * can crash the broker while messages are still waiting.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "queue", propertyValue = RecoveryListener.QUEUE),
        @ActivationConfigProperty(propertyName = "declareQueue", propertyValue = "true")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RecoveryListener implements RabbitMessageListener {

    /** The queue this bean consumes. */
    public static final String QUEUE = "it.recovery";

    @EJB
    private DeliveryLog log;

    @Override
    public void onMessage(RabbitMessage message) throws InterruptedException {
        log.attempt(QUEUE, message);
        Thread.sleep(10); // simulated work, not synchronisation
        log.processed(QUEUE, message);
    }
}
