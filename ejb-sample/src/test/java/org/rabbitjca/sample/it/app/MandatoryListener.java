// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.sample.it.app;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.rabbitjca.api.RabbitMessage;
import org.rabbitjca.api.RabbitMessageListener;

/** Counts the messages of queue {@value #QUEUE}, which tests publish as mandatory through the pool. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "queue", propertyValue = MandatoryListener.QUEUE),
        @ActivationConfigProperty(propertyName = "declareQueue", propertyValue = "true")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MandatoryListener implements RabbitMessageListener {

    /** The queue this bean consumes. */
    public static final String QUEUE = "it.mandatory";

    @EJB
    private DeliveryLog log;

    @Override
    public void onMessage(RabbitMessage message) {
        log.attempt(QUEUE, message);
        log.processed(QUEUE, message);
    }
}
