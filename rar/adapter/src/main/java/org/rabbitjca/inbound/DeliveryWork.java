// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.Work;
import org.rabbitjca.api.RabbitMessageListener;

import java.lang.System.Logger.Level;

/**
 * One delivery, run on a WorkManager thread: creates an endpoint instance, calls {@code onMessage}, and settles the
 * delivery with the broker: acknowledged after a normal return, requeued after an exception or when no endpoint
 * could be created.
 */
final class DeliveryWork implements Work {

    private static final System.Logger LOG = System.getLogger(DeliveryWork.class.getName());

    private final MessageEndpointFactory endpointFactory;
    private final DeliveredMessage message;
    private final DeliverySettlement settlement;
    private final String endpointName;

    DeliveryWork(MessageEndpointFactory endpointFactory, DeliveredMessage message, DeliverySettlement settlement,
                 String endpointName) {
        this.endpointFactory = endpointFactory;
        this.message = message;
        this.settlement = settlement;
        this.endpointName = endpointName;
    }

    @Override
    public void run() {
        boolean processed = false;
        try {
            MessageEndpoint endpoint = endpointFactory.createEndpoint(null);
            try {
                ((RabbitMessageListener) endpoint).onMessage(message);
                processed = true;
            } finally {
                endpoint.release();
            }
        } catch (Exception | Error failure) {
            LOG.log(Level.WARNING, "{0} failed on {1}; the message goes back to the queue: {2}", endpointName,
                    message, failure.toString());
        } finally {
            settlement.settle(message.envelope().getDeliveryTag(), processed);
        }
    }

    @Override
    public void release() {
        // Nothing to interrupt: onMessage runs to its end; the container's own timeout applies to the bean.
    }
}
