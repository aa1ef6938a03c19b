// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.outbound;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.lang.System.Logger.Level;

/**
 * Sends one transaction's held messages when it is about to commit, and settles their futures once it completed.
 * A refused message rolls the transaction back, the database's work with it.
 *
 * <p>Registered as an interposed synchronization at the transaction's first publish. JPA providers register theirs
 * the same way (EclipseLink on Payara: at the transaction's first entity operation), and the container runs
 * interposed synchronizations in the order they registered, so a publish made before the first entity operation
 * would leave before the flush. Hence {@link #beforeCompletion} only registers the sender, which the container
 * runs after every synchronization registered so far: after the flush, and not at all when the flush failed.
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
            registry.registerInterposedSynchronization(new Sender());
        } catch (IllegalStateException refused) {
            // A container that takes no registration at this point runs nothing registered later either: send now.
            send();
        }
    }

    private void send() {
        try {
            held.send(carrier);
        } catch (RuntimeException refused) {
            registry.setRollbackOnly();
            throw refused;
        }
    }

    /** The last synchronization of the transaction: sends the held messages. */
    private final class Sender implements Synchronization {

        @Override
        public void beforeCompletion() {
            if (registry.getTransactionStatus() == Status.STATUS_ACTIVE) {
                send();
            }
        }

        @Override
        public void afterCompletion(int status) {
            // CommitPublisher settles the outcome.
        }
    }

    @Override
    public void afterCompletion(int status) {
        try {
            if (status != Status.STATUS_COMMITTED) {
                rolledBack();
            } else if (held.wasSent() || held.isEmpty()) {
                held.committed();
            } else {
                sendAfterCommit();
            }
        } finally {
            carrier.unpin();
        }
    }

    private void rolledBack() {
        if (held.wasSent()) {
            LOG.log(Level.WARNING, "A transaction rolled back after its messages {0} were published ({1}): the "
                    + "broker keeps those it confirmed while the transaction's other work was undone. Consumers can "
                    + "recognise them by these message ids; see 'Guarantees' in the configuration reference.",
                    held.messageIds(), carrier.description());
        }
        held.rolledBack(null);
    }

    /** The container committed without running the sender it accepted: the messages can only leave now. */
    private void sendAfterCommit() {
        LOG.log(Level.WARNING, "The container committed a transaction without running the synchronization that "
                + "publishes its messages {0} before the commit; they are published after it, and a refusal can no "
                + "longer roll the transaction back ({1})", held.messageIds(), carrier.description());
        try {
            held.send(carrier);
            held.committed();
        } catch (RuntimeException refused) {
            LOG.log(Level.ERROR, "Publishing a committed transaction''s messages failed: {0}", refused.getMessage());
            held.failed(refused);
        }
    }
}
