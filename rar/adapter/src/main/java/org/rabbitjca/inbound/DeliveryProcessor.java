// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.rabbitjca.api.RabbitMessage;
import org.rabbitjca.api.RabbitMessageListener;
import org.rabbitjca.api.monitoring.Measure;
import org.rabbitjca.broker.Counters;
import org.rabbitjca.broker.Tracing;

import java.lang.System.Logger.Level;
import java.lang.reflect.Method;
import java.util.function.Consumer;

/**
 * Processes deliveries on WorkManager threads: calls {@code onMessage} on an endpoint instance the worker keeps,
 * and settles each delivery. Not transacted: acknowledged after a normal return, a failed try after an
 * exception. Transacted: between {@code beforeDelivery} and {@code afterDelivery}, the delivery's
 * {@link TransactedSettlement} is registered with the container's transaction, whose outcome settles it. A delivery the
 * container could not take (no endpoint instance) is requeued without counting a try, and its session ends. An
 * {@link Error} thrown by the container (creating, starting, ending or releasing an endpoint) propagates, after the
 * delivery was settled as a failed try; one thrown by the bean's {@code onMessage} is a failed try like any other.
 */
final class DeliveryProcessor {

    private static final System.Logger LOG = System.getLogger(DeliveryProcessor.class.getName());
    /**
     * How long a delivery waits for the container to create an endpoint instance. Payara makes createEndpoint wait
     * while the bean's deployment is under way (60 s by default) and never wakes it when that deployment fails; a
     * shorter wait hands the delivery back and lets the activation retry with backoff instead.
     */
    static final long ENDPOINT_WAIT_MILLIS = 5_000;

    private final MessageEndpointFactory endpointFactory;
    private final ListenerInvoker<?> listener;
    private final ClassLoader application;
    private final TransactionSynchronizationRegistry transactions;
    private final String endpointName;
    private final Counters counters;

    /**
     * @param listener how a delivery reaches the bean's listener interface
     * @param transactions the container's registry when deliveries are transacted, else {@code null}
     * @param counters the bean's counts, which deliveries and their settling add to
     */
    DeliveryProcessor(MessageEndpointFactory endpointFactory, ListenerInvoker<?> listener,
                      TransactionSynchronizationRegistry transactions, String endpointName, Counters counters) {
        this.endpointFactory = endpointFactory;
        this.counters = counters;
        this.listener = listener;
        Class<?> bean = endpointFactory.getEndpointClass();
        this.application = bean != null ? bean.getClassLoader() : Thread.currentThread().getContextClassLoader();
        this.transactions = transactions;
        this.endpointName = endpointName;
    }

    /** @return the bean's counts */
    Counters counters() {
        return counters;
    }

    /** @return how deliveries are settled, for the activation's log line */
    String describe() {
        return transactions != null ? "acknowledged when the container transaction commits"
                : "acknowledged after onMessage returns";
    }

    /**
     * @param settlement how the deliveries of the worker's channel are settled
     * @param unavailable told, with the container's reason, when the container cannot create an endpoint instance
     * @return the endpoint instance of one worker, kept for all its deliveries; the worker closes it when it ends
     */
    WorkerEndpoint workerEndpoint(Settlement settlement, Consumer<String> unavailable) {
        return new WorkerEndpoint(settlement, unavailable);
    }

    /**
     * Asks the container for an endpoint instance and gives it back at once: before a consumer subscribes again,
     * so that no message is taken while the container cannot deliver it (a deployment under way, failed or ending).
     *
     * @throws UnavailableException with the container's reason when it cannot create one
     */
    void probeEndpoint() throws UnavailableException {
        endpointFactory.createEndpoint(null, ENDPOINT_WAIT_MILLIS).release();
    }

    /**
     * One worker's endpoint instance, created on the first delivery and reused for the next ones (creating and
     * releasing an endpoint per message costs the container a bean checkout and a proxy each time), released when
     * the worker ends or after the container failed on it. Used by one thread. An {@link Error} the container
     * throws ends the worker once the delivery is settled as a failed try.
     */
    final class WorkerEndpoint implements DeliveryDispatcher.Handler {

        private final Settlement settlement;
        private final Consumer<String> unavailable;
        private MessageEndpoint endpoint;

        private WorkerEndpoint(Settlement settlement, Consumer<String> unavailable) {
            this.settlement = settlement;
            this.unavailable = unavailable;
        }

        @Override
        public void handle(DeliveredMessage message) {
            TransactedSettlement transaction = transactions == null ? null
                    : new TransactedSettlement(transactions, settlement, message);
            Throwable failure;
            try {
                if (endpoint == null) {
                    endpoint = endpointFactory.createEndpoint(null, ENDPOINT_WAIT_MILLIS);
                }
                failure = deliver(listener, endpoint, message, transaction);
            } catch (UnavailableException notReady) {
                // Not a failed try: the message goes back as it was, and the session ends, so that the broker does
                // not hand it straight back to a container that cannot take it (a tight loop otherwise).
                LOG.log(Level.DEBUG, "{0}: no endpoint instance for {1} ({2}); requeued", endpointName, message,
                        notReady);
                settlement.requeue(message);
                unavailable.accept(notReady.getMessage());
                return;
            } catch (Exception containerFailure) {
                settle(message, transaction, containerFailure);
                close(); // the instance may be broken: the next delivery gets a new one
                return;
            } catch (Error containerError) {
                // The container itself failed (out of memory, a broken deployment): this worker does not go on
                // as if nothing happened. The delivery is settled first, so that it is not left unacknowledged;
                // the worker then ends and closes this endpoint.
                try {
                    settle(message, transaction, containerError);
                } catch (RuntimeException | Error whileSettling) {
                    containerError.addSuppressed(whileSettling);
                }
                throw containerError;
            }
            settle(message, transaction, failure);
        }

        /** Settles a delivery that was tried: acknowledged, or a failed try, unless its transaction settles it. */
        private void settle(DeliveredMessage message, TransactedSettlement transaction, Throwable failure) {
            if (transaction != null && transaction.registered()) {
                return; // the transaction's outcome settles it, on whichever thread completes the transaction
            }
            if (failure == null) {
                settlement.ack(message);
            } else {
                LOG.log(Level.DEBUG, "{0} failed on {1}: {2}", endpointName, message, failure);
                settlement.fail(message, failure);
            }
        }

        @Override
        public void close() {
            if (endpoint != null) {
                try {
                    endpoint.release();
                } catch (RuntimeException failure) {
                    LOG.log(Level.DEBUG, "Releasing an endpoint of " + endpointName, failure);
                }
                endpoint = null;
            }
        }
    }

    /**
     * @return the bean's failure, or why the delivery could not become its message (before any transaction, so
     *         that the delivery is settled as a failed try that goes to the dead-letter target), or {@code null}
     */
    private <M> Throwable deliver(ListenerInvoker<M> invoker, MessageEndpoint endpoint, DeliveredMessage message,
                                  TransactedSettlement transaction) throws Exception {
        M converted;
        try {
            converted = invoker.convert(message, message.failedAttemptsBefore(), application);
        } catch (UnreadableMessageException unreadable) {
            return unreadable;
        }
        counters.increment(Measure.DELIVERED);
        if (message.envelope().isRedeliver()) {
            counters.increment(Measure.REDELIVERED);
        }
        try (Tracing.Scope trace = Tracing.delivering(message, application)) {
            Throwable failure = deliverInTrace(invoker, endpoint, converted, transaction);
            if (failure != null) {
                trace.failed(failure);
            }
            return failure;
        }
    }

    /** @return the bean's failure, or {@code null}; with the message's trace current on this thread */
    private <M> Throwable deliverInTrace(ListenerInvoker<M> invoker, MessageEndpoint endpoint, M converted,
                                         TransactedSettlement transaction) throws Exception {
        Throwable failure = null;
        long started = System.nanoTime();
        if (transaction != null) {
            endpoint.beforeDelivery(invoker.method()); // the container begins the transaction on this thread
        }
        try {
            if (transaction != null) {
                transaction.register();
            }
            invoker.deliver(endpoint, converted);
        } catch (Exception | Error thrown) {
            // An Error from onMessage is the bean's failure on this message (a stack overflow on a deep document, a
            // class missing for one branch): it went through the container's handling of the bean, which discards
            // that instance. Counted as a failed try, such a message reaches the dead-letter target after
            // maxAttempts instead of ending a worker, and being redelivered to the next one, forever.
            failure = thrown;
            if (transaction != null) {
                transaction.endpointFailed(thrown);
            }
        } finally {
            try {
                if (transaction != null) {
                    endpoint.afterDelivery();
                }
            } finally {
                counters.add(Measure.PROCESSING_TIME, System.nanoTime() - started);
            }
        }
        return failure;
    }
}
