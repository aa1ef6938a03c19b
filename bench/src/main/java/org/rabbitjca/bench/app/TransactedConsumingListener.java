// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.bench.app;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import org.rabbitjca.api.RabbitMessage;
import org.rabbitjca.api.RabbitMessageListener;

/** Like {@link ConsumingListener}, in a container transaction: acknowledged when it commits. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "queue", propertyValue = TransactedConsumingListener.QUEUE),
        @ActivationConfigProperty(propertyName = "declareQueue", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "prefetchCount", propertyValue = "50"),
        @ActivationConfigProperty(propertyName = "maxConcurrency", propertyValue = "10")
})
public class TransactedConsumingListener implements RabbitMessageListener {

    /** The queue it consumes. */
    public static final String QUEUE = "bench.consume.tx";

    @Override
    public void onMessage(RabbitMessage message) {
        ConsumeCounter.consumed(QUEUE);
    }
}
