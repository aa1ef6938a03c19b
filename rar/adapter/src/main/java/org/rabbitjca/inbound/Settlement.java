// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;
import org.rabbitjca.api.monitoring.Measure;
import org.rabbitjca.broker.Counters;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Settles deliveries with the broker on the channel they came from: acknowledge, requeue, or (for a failed try)
 * route a copy to retry or dead-letter and then acknowledge. When the channel is gone, nothing can be settled and
 * nothing needs to be: the broker requeues every unacknowledged delivery of a closed channel, flagged redelivered.
 * Thread-safe: amqp-client channels accept acknowledgements from any thread.
 */
final class Settlement {

    private static final System.Logger LOG = System.getLogger(Settlement.class.getName());

    private final Channel channel;
    private final FailedDeliveryRouter router;
    private final BooleanSupplier sessionEnding;
    private final String endpointName;
    private final Counters counters;

    /**
     * @param sessionEnding whether the consumer session of the channel is ending (deactivated or lost)
     * @param counters the bean's counts of acknowledged deliveries
     */
    Settlement(Channel channel, FailedDeliveryRouter router, BooleanSupplier sessionEnding, String endpointName,
               Counters counters) {
        this.channel = channel;
        this.counters = counters;
        this.router = router;
        this.sessionEnding = sessionEnding;
        this.endpointName = endpointName;
    }

    /**
     * Settles a delivery whose container transaction rolled back though the endpoint did not fail. While the
     * session ends, that is the container's doing, not the message's: Payara marks a bean's container undeployed
     * before it deactivates the endpoint and then rolls back every transaction that ends, so the message goes back
     * to the queue without counting a try. Otherwise it is a failed try.
     */
    void rolledBack(DeliveredMessage message) {
        if (sessionEnding.getAsBoolean()) {
            LOG.log(Level.DEBUG, "{0}: the container rolled back {1} while the bean stops; back to the queue "
                    + "without counting a try", endpointName, message);
            requeue(message);
        } else {
            fail(message, new IllegalStateException("the transaction was rolled back"));
        }
    }

    /** @return whether acknowledgements can still reach the broker */
    boolean channelOpen() {
        return channel.isOpen();
    }

    /** Acknowledges a delivery the bean processed. */
    void ack(DeliveredMessage message) {
        if (acknowledge(message)) {
            counters.increment(Measure.ACKNOWLEDGED);
        }
    }

    private boolean acknowledge(DeliveredMessage message) {
        try {
            channel.basicAck(message.envelope().getDeliveryTag(), false);
            return true;
        } catch (IOException | ShutdownSignalException channelGone) {
            LOG.log(Level.DEBUG, "{0}: could not acknowledge {1}; the broker redelivers it", endpointName, message);
            return false;
        }
    }

    void requeue(DeliveredMessage message) {
        try {
            channel.basicNack(message.envelope().getDeliveryTag(), false, true);
        } catch (IOException | ShutdownSignalException channelGone) {
            LOG.log(Level.DEBUG, "{0}: could not requeue {1}; the broker redelivers it", endpointName, message);
        }
    }

    /** Counts a failed try: routes a copy to retry or dead-letter, then acknowledges the original. */
    void fail(DeliveredMessage message, Throwable failure) {
        if (!channel.isOpen()) {
            return; // the broker redelivers it; a copy now would be a duplicate
        }
        try {
            router.route(message, failure);
            acknowledge(message);
        } catch (IOException | TimeoutException | RuntimeException notTaken) {
            LOG.log(Level.WARNING, "{0}: could not send {1} to retry or dead-letter ({2}); it goes back to the queue "
                    + "without counting the try", endpointName, message, notTaken.toString());
            requeue(message);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            requeue(message);
        }
    }
}
