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

import java.util.Map;

/**
 * Not transacted, at most ten at a time: counts every delivery of queue {@value #QUEUE}, and how many run at once. A
 * message with the header {@value #FAIL_FIRST}
 * makes its first try throw, so the test sees it come back.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "queue", propertyValue = CountingListener.QUEUE),
        @ActivationConfigProperty(propertyName = "declareQueue", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "prefetchCount", propertyValue = "50"),
        @ActivationConfigProperty(propertyName = "maxConcurrency", propertyValue = "10"),
        @ActivationConfigProperty(propertyName = "retryInitialDelayMillis", propertyValue = "100")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CountingListener implements RabbitMessageListener {

    /** The queue this bean consumes. */
    public static final String QUEUE = "it.inbound";
    /** Header asking the bean to fail the first try. */
    public static final String FAIL_FIRST = "fail-first-attempt";

    @EJB
    private DeliveryLog log;

    @Override
    public void onMessage(RabbitMessage message) {
        log.started(QUEUE);
        try {
            int attempt = log.attempt(QUEUE, message);
            Map<String, Object> headers = message.properties().getHeaders();
            if (attempt == 1 && headers != null && headers.containsKey(FAIL_FIRST)) {
                throw new IllegalStateException("Failing the first try of " + message.properties().getMessageId()
                        + " on purpose");
            }
            log.processed(QUEUE, message);
        } finally {
            log.ended(QUEUE);
        }
    }
}
