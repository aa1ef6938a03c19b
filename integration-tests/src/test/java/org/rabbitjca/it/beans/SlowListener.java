// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.beans;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.rabbitjca.api.RabbitConnection;
import org.rabbitjca.api.RabbitConnectionFactory;
import org.rabbitjca.api.RabbitMessage;
import org.rabbitjca.api.RabbitMessageListener;
import org.rabbitjca.it.probe.ProbePublisher;

/**
 * Takes 300 ms per message of queue {@value #QUEUE}, then records that it processed it by publishing a marker
 * (confirmed) to {@value #DONE}: the evidence a test reads after the server is gone.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "queue", propertyValue = SlowListener.QUEUE),
        @ActivationConfigProperty(propertyName = "declareQueue", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "prefetchCount", propertyValue = "20"),
        @ActivationConfigProperty(propertyName = "maxConcurrency", propertyValue = "5")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SlowListener implements RabbitMessageListener {

    /** The queue this bean consumes. */
    public static final String QUEUE = "it.slow";
    /** The queue of markers, one per processed message. */
    public static final String DONE = "it.slow.done";

    @Resource(lookup = ProbePublisher.POOL)
    private RabbitConnectionFactory factory;

    @Override
    public void onMessage(RabbitMessage message) throws InterruptedException {
        Thread.sleep(300); // simulated work, not synchronisation
        try (RabbitConnection connection = factory.getConnection()) {
            connection.publish("", DONE, message.properties(), message.body());
        }
    }
}
