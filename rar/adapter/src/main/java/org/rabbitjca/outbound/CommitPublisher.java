// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.outbound;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.lang.System.Logger.Level;

/**
 * Sends one transaction's held messages when it is about to commit, and settles their futures once it completed.
 * Registered as an interposed synchronization, so that it runs after the application's own
 * {@code beforeCompletion} work (a JPA flush) and before the resources commit: a refused message rolls the
 * transaction back, the database's work with it.
 *
 * <p>The carrier, the pooled channel the messages leave on, is kept out of the pool until the transaction
 * completed. The container calls {@link #beforeCompletion} on the committing thread and {@link #afterCompletion} on
 * the thread that completes the transaction (the committing one, or a timeout's).
 */
final class CommitPublisher implements Synchronization {

    private static final System.Logger LOG = System.getLogger(CommitPublisher.class.getName());

    private final TransactionSynchronizationRegistry registry;
    private final HeldPublishes held;
    private final RabbitManagedConnection carrier;

    CommitPublisher(TransactionSynchronizationRegistry registry, HeldPublishes held,
                    RabbitManagedConnection carrier) {
        this.registry = registry;
        this.held = held;
        this.carrier = carrier;
    }

    HeldPublishes held() {
        return held;
    }

    @Override
    public void beforeCompletion() {
        if (held.isEmpty() || registry.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return;
        }
        try {
            held.send(carrier);
        } catch (RuntimeException refused) {
            registry.setRollbackOnly();
            throw refused;
        }
    }

    @Override
    public void afterCompletion(int status) {
        try {
            if (status == Status.STATUS_COMMITTED) {
                held.committed();
                return;
            }
            if (held.wasSent()) {
                LOG.log(Level.WARNING, "A transaction rolled back after the broker had confirmed its messages {0} "
                        + "({1}): they stay published while the transaction's other work was undone. Consumers can "
                        + "recognise them by these message ids; see 'Guarantees' in the configuration reference.",
                        held.messageIds(), carrier.description());
            }
            held.rolledBack(null);
        } finally {
            carrier.unpin();
        }
    }
}
