// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.bench.app;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** {@link ConsumingListener}'s setup as a JMS bean: each delivery becomes a JMS message before onMessage. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "rabbitmq-jca"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = JmsConsumingListener.QUEUE),
        @ActivationConfigProperty(propertyName = "declareQueue", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "prefetchCount", propertyValue = "50"),
        @ActivationConfigProperty(propertyName = "maxConcurrency", propertyValue = "10")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JmsConsumingListener implements MessageListener {

    /** The queue it consumes. */
    public static final String QUEUE = "bench.jms.consume";

    @Override
    public void onMessage(Message message) {
        ConsumeCounter.consumed(QUEUE);
    }
}
