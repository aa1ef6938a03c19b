// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Settles one transacted delivery from its container transaction's outcome, as a synchronization registered with
 * the container's {@link TransactionSynchronizationRegistry}: committed acknowledges it, rolled back counts a failed
 * try (or, while the bean stops, requeues it). Before completion it marks the transaction rollback-only when the
 * endpoint threw (so an application exception rolls back too) or the channel is gone (the acknowledgement could
 * not happen and the broker redelivers the message: committing the database now would make a duplicate).
 *
 * <p>Why a synchronization and not an {@code XAResource}: AMQP 0-9-1 has no two-phase commit, so an XA resource
 * could only promise what a synchronization does, and enlisting one beside a non-XA datasource turns every delivery
 * into a logged two-phase transaction (last-agent optimisation), which costs throughput and, on Payara 6, heap
 * through its transaction log. A synchronization keeps a bean with one datasource in a local transaction. What stays
 * open either way is a crash between the commit and the acknowledgement: the message comes again, flagged
 * redelivered (at-least-once).
 *
 * <p>Created per delivery on its worker thread; the container calls it on the thread that completes the
 * transaction (the worker's, or a timeout's).
 */
final class TransactedSettlement implements Synchronization {

    private final TransactionSynchronizationRegistry registry;
    private final Settlement settlement;
    private final DeliveredMessage message;
    private volatile Throwable endpointFailure;
    private boolean registered; // worker thread only

    /**
     * @param registry the container's registry
     * @param settlement how the delivery's channel settles it
     * @param message the delivery
     */
    TransactedSettlement(TransactionSynchronizationRegistry registry, Settlement settlement,
                         DeliveredMessage message) {
        this.registry = registry;
        this.settlement = settlement;
        this.message = message;
    }

    /**
     * Registers with the transaction the container began on this thread ({@code beforeDelivery}); from then on the
     * transaction's outcome settles the delivery.
     */
    void register() {
        registry.registerInterposedSynchronization(this);
        registered = true;
    }

    /** @return whether {@link #register} succeeded, so that the transaction's outcome settles the delivery */
    boolean registered() {
        return registered;
    }

    /** Records that the endpoint threw, so that the transaction does not commit the acknowledgement. */
    void endpointFailed(Throwable failure) {
        endpointFailure = failure;
    }

    @Override
    public void beforeCompletion() {
        if (endpointFailure != null || !settlement.channelOpen()) {
            registry.setRollbackOnly();
        }
    }

    @Override
    public void afterCompletion(int status) {
        if (status == Status.STATUS_COMMITTED) {
            settlement.ack(message);
        } else if (endpointFailure != null) {
            settlement.fail(message, endpointFailure);
        } else {
            settlement.rolledBack(message);
        }
    }
}
