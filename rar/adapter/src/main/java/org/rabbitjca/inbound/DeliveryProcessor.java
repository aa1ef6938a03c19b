// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import org.rabbitjca.api.RabbitMessageListener;

import java.lang.System.Logger.Level;

/**
 * Processes one delivery on a WorkManager thread: creates an endpoint instance, calls {@code onMessage}, releases
 * the instance, and settles the delivery with the broker: acknowledged after a normal return, requeued after an
 * exception or when no endpoint instance could be created.
 */
final class DeliveryProcessor {

    private static final System.Logger LOG = System.getLogger(DeliveryProcessor.class.getName());

    private final MessageEndpointFactory endpointFactory;
    private final DeliverySettlement settlement;
    private final String endpointName;

    DeliveryProcessor(MessageEndpointFactory endpointFactory, DeliverySettlement settlement, String endpointName) {
        this.endpointFactory = endpointFactory;
        this.settlement = settlement;
        this.endpointName = endpointName;
    }

    void process(DeliveredMessage message) {
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
}
