// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.bench.app;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.rabbitjca.api.RabbitMessage;
import org.rabbitjca.api.RabbitMessageListener;

/** Not transacted, manual acknowledgement after onMessage, prefetch 50, ten at once: the raw consumers' setup. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "queue", propertyValue = ConsumingListener.QUEUE),
        @ActivationConfigProperty(propertyName = "declareQueue", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "prefetchCount", propertyValue = "50"),
        @ActivationConfigProperty(propertyName = "maxConcurrency", propertyValue = "10")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ConsumingListener implements RabbitMessageListener {

    /** The queue it consumes. */
    public static final String QUEUE = "bench.consume";

    @Override
    public void onMessage(RabbitMessage message) {
        ConsumeCounter.consumed(QUEUE);
    }
}
