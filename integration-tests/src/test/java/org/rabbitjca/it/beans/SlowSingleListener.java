// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.beans;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import org.rabbitjca.api.RabbitMessage;
import org.rabbitjca.api.RabbitMessageListener;
import org.rabbitjca.it.probe.DeliveryLog;

/**
 * Processes queue {@value #QUEUE} in container transactions, one message at a time ({@code maxConcurrency=1}),
 * {@value #WORK_MILLIS} ms each, counting how many of its calls run at once: the bound must hold while the broker
 * takes the consumer away in the middle of a call.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "queue", propertyValue = SlowSingleListener.QUEUE),
        @ActivationConfigProperty(propertyName = "declareQueue", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "maxConcurrency", propertyValue = "1")
})
public class SlowSingleListener implements RabbitMessageListener {

    /** The queue this bean consumes. */
    public static final String QUEUE = "it.single";
    /** How long each call works. */
    public static final long WORK_MILLIS = 6_000;

    @EJB
    private DeliveryLog log;

    @Override
    public void onMessage(RabbitMessage message) throws InterruptedException {
        log.started(QUEUE);
        try {
            log.attempt(QUEUE, message);
            Thread.sleep(WORK_MILLIS); // simulated work, not synchronisation
            log.processed(QUEUE, message);
        } finally {
            log.ended(QUEUE);
        }
    }
}
