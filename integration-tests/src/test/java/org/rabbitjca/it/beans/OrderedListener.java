// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.beans;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import org.rabbitjca.api.RabbitMessage;
import org.rabbitjca.api.RabbitMessageListener;
import org.rabbitjca.it.probe.DeliveryLog;

/** Processes queue {@value #QUEUE} one message at a time ({@code maxConcurrency=1}): the queue's order is kept. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "queue", propertyValue = OrderedListener.QUEUE),
        @ActivationConfigProperty(propertyName = "declareQueue", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "maxConcurrency", propertyValue = "1")
})
public class OrderedListener implements RabbitMessageListener {

    /** The queue this bean consumes. */
    public static final String QUEUE = "it.ordered";

    @EJB
    private DeliveryLog log;

    @Override
    public void onMessage(RabbitMessage message) {
        log.attempt(QUEUE, message);
        log.processed(QUEUE, message);
    }
}
