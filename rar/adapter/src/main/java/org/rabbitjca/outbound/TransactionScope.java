// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.outbound;

import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.rabbitjca.api.RabbitException;
import org.rabbitjca.settings.PoolSettings;

import java.util.UUID;

/**
 * Tells whether a publish through one pool is inside a JTA transaction and, if so, which messages that transaction
 * holds: every handle of the pool used in the same transaction adds to the same {@link HeldPublishes}, which leave
 * together on the channel of the first handle that published. Reads the transaction from the container's
 * {@link TransactionSynchronizationRegistry}, so the container never enlists the pool as a resource: the
 * transaction stays one-phase next to a non-XA datasource.
 *
 * <p>Thread-safe: the registry answers for the calling thread's transaction.
 */
final class TransactionScope {

    private final TransactionSynchronizationRegistry registry;
    private final PoolSettings pool;
    /** The key of this pool's held messages among the transaction's resources. */
    private final Object key = new Object();

    /**
     * @param registry the container's registry
     * @param pool the pool's settings, whose per-transaction limits apply
     */
    TransactionScope(TransactionSynchronizationRegistry registry, PoolSettings pool) {
        this.registry = registry;
        this.pool = pool;
    }

    /**
     * @param publishingOn the pooled channel of the publishing handle: the carrier when the transaction has none yet
     * @return the messages the calling thread's transaction holds for this pool, or {@code null} outside a
     *         transaction
     * @throws org.rabbitjca.api.ChannelClosedException when the transaction has no carrier yet and this channel is
     *         closed
     */
    HeldPublishes holding(RabbitManagedConnection publishingOn) {
        int status = registry.getTransactionStatus();
        if (status != Status.STATUS_ACTIVE && status != Status.STATUS_MARKED_ROLLBACK) {
            return null;
        }
        CommitPublisher publisher = (CommitPublisher) registry.getResource(key);
        if (publisher == null) {
            publishingOn.failIfClosed(); // a closed channel never becomes the one the messages leave on
            publisher = new CommitPublisher(registry, new HeldPublishes(UUID.randomUUID().toString(), pool),
                    publishingOn);
            try {
                registry.registerInterposedSynchronization(publisher);
            } catch (IllegalStateException refused) {
                throw new RabbitException("The transaction manager refused to let this publish follow the "
                        + "caller's transaction (" + refused.getMessage() + "), so the message could never leave; "
                        + "it was not sent. A transaction marked for rollback may refuse it: publish through a pool "
                        + "with holdUntilCommit=false to send at once.", refused);
            }
            registry.putResource(key, publisher);
            publishingOn.pin();
        }
        return publisher.held();
    }
}
