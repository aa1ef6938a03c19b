// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import org.rabbitjca.api.RabbitMessage;
import org.rabbitjca.api.RabbitMessageListener;

import java.lang.System.Logger.Level;
import java.lang.reflect.Method;

/**
 * Processes one delivery on a WorkManager thread: creates an endpoint instance, calls {@code onMessage}, releases
 * the instance, and settles the delivery. Not transacted: acknowledged after a normal return, a failed try after an
 * exception. Transacted: the delivery's {@link DeliveryXAResource} joins the container's transaction between
 * {@code beforeDelivery} and {@code afterDelivery}, and the transaction's outcome settles it. A delivery the
 * container could not take (no endpoint instance) is requeued without counting a try.
 */
final class DeliveryProcessor {

    private static final System.Logger LOG = System.getLogger(DeliveryProcessor.class.getName());
    /** The listener method, as {@code beforeDelivery} and {@code isDeliveryTransacted} want it. */
    static final Method ON_MESSAGE;

    static {
        try {
            ON_MESSAGE = RabbitMessageListener.class.getMethod("onMessage", RabbitMessage.class);
        } catch (NoSuchMethodException impossible) {
            throw new ExceptionInInitializerError(impossible);
        }
    }

    private final MessageEndpointFactory endpointFactory;
    private final boolean transacted;
    private final String endpointName;

    DeliveryProcessor(MessageEndpointFactory endpointFactory, boolean transacted, String endpointName) {
        this.endpointFactory = endpointFactory;
        this.transacted = transacted;
        this.endpointName = endpointName;
    }

    /** @return how deliveries are settled, for the activation's log line */
    String describe() {
        return transacted ? "acknowledged when the container transaction commits"
                : "acknowledged after onMessage returns";
    }

    void process(DeliveredMessage message, Settlement settlement) {
        DeliveryXAResource transaction = transacted ? new DeliveryXAResource(message, settlement) : null;
        Throwable failure = null;
        try {
            MessageEndpoint endpoint = endpointFactory.createEndpoint(transaction);
            try {
                failure = deliver(endpoint, message, transaction);
            } finally {
                endpoint.release();
            }
        } catch (UnavailableException notReady) {
            LOG.log(Level.DEBUG, "{0}: no endpoint instance for {1} ({2}); requeued", endpointName, message, notReady);
            settlement.requeue(message);
            return;
        } catch (Exception | Error containerFailure) {
            failure = failure == null ? containerFailure : failure;
        }
        if (transaction != null && transaction.settled()) {
            return;
        }
        if (failure == null) {
            settlement.ack(message);
        } else {
            LOG.log(Level.DEBUG, "{0} failed on {1}: {2}", endpointName, message, failure);
            settlement.fail(message, failure);
        }
    }

    private static Throwable deliver(MessageEndpoint endpoint, DeliveredMessage message,
                                     DeliveryXAResource transaction) throws Exception {
        Throwable failure = null;
        if (transaction != null) {
            endpoint.beforeDelivery(ON_MESSAGE);
        }
        try {
            ((RabbitMessageListener) endpoint).onMessage(message);
        } catch (Exception | Error thrown) {
            failure = thrown;
            if (transaction != null) {
                transaction.endpointFailed(thrown);
            }
        } finally {
            if (transaction != null) {
                endpoint.afterDelivery();
            }
        }
        return failure;
    }
}
