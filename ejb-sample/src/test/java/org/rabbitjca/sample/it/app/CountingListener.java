// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.sample.it.app;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import org.rabbitjca.api.RabbitMessage;
import org.rabbitjca.api.RabbitMessageListener;

import java.util.Map;

/**
 * Counts every delivery of queue {@value #QUEUE} by message id. A message with the header {@value #FAIL_FIRST}
 * makes the first attempt throw, so the test sees it come back.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "queue", propertyValue = CountingListener.QUEUE),
        @ActivationConfigProperty(propertyName = "declareQueue", propertyValue = "true")
})
public class CountingListener implements RabbitMessageListener {

    /** The queue this bean consumes. */
    public static final String QUEUE = "it.inbound";
    /** Header asking the bean to fail the first attempt. */
    public static final String FAIL_FIRST = "fail-first-attempt";

    @EJB
    private DeliveryLog log;

    @Override
    public void onMessage(RabbitMessage message) {
        String id = message.properties().getMessageId();
        int attempt = log.attempt(id, message.envelope().isRedeliver());
        Map<String, Object> headers = message.properties().getHeaders();
        if (attempt == 1 && headers != null && headers.containsKey(FAIL_FIRST)) {
            throw new IllegalStateException("Failing the first attempt of " + id + " on purpose");
        }
        log.processed(id);
    }
}
