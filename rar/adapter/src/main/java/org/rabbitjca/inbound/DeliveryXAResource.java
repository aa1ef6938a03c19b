// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * Takes transacted deliveries, one after the other, into the container's transactions: commit acknowledges it, rollback counts a failed
 * try (retry or dead-letter). AMQP 0-9-1 has no two-phase commit, so prepare promises what it can: it votes no when
 * the endpoint threw (so an application exception rolls back too) or when the channel is already gone (the ack
 * could not happen and the broker redelivers the message: committing the database now would make a duplicate).
 * What stays open is a crash between prepare and the ack: the message comes again, flagged redelivered
 * (at-least-once). Used by one worker thread, which calls {@link #begin} before each delivery and reads
 * {@link #settled()} after it; the container calls the XA methods on that thread too, within the delivery.
 */
final class DeliveryXAResource implements XAResource {

    private final Settlement settlement;
    private DeliveredMessage message;
    private Throwable endpointFailure;
    private boolean settled;

    DeliveryXAResource(Settlement settlement) {
        this.settlement = settlement;
    }

    /** Makes {@code next} the delivery the next transaction settles. */
    void begin(DeliveredMessage next) {
        message = next;
        endpointFailure = null;
        settled = false;
    }

    /** Records that the endpoint threw, so that the transaction does not commit the acknowledgement. */
    void endpointFailed(Throwable failure) {
        endpointFailure = failure;
    }

    /** @return whether commit or rollback settled the delivery */
    boolean settled() {
        return settled;
    }

    @Override
    public int prepare(Xid xid) throws XAException {
        if (endpointFailure != null) {
            throw new XAException(XAException.XA_RBROLLBACK);
        }
        if (!settlement.channelOpen()) {
            throw new XAException(XAException.XAER_RMFAIL);
        }
        return XA_OK;
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        if (onePhase && (endpointFailure != null || !settlement.channelOpen())) {
            rollback(xid);
            throw new XAException(XAException.XA_RBROLLBACK);
        }
        settlement.ack(message);
        settled = true;
    }

    @Override
    public void rollback(Xid xid) {
        if (endpointFailure != null) {
            settlement.fail(message, endpointFailure);
        } else {
            settlement.rolledBack(message);
        }
        settled = true;
    }

    @Override
    public void start(Xid xid, int flags) {
        // Nothing to associate: the delivery is the unit of work.
    }

    @Override
    public void end(Xid xid, int flags) {
        // Nothing to dissociate.
    }

    @Override
    public void forget(Xid xid) {
        // No heuristic decisions are ever taken.
    }

    @Override
    public Xid[] recover(int flag) {
        return new Xid[0]; // nothing is prepared durably: an unacknowledged delivery is simply redelivered
    }

    @Override
    public boolean isSameRM(XAResource other) {
        return other == this;
    }

    @Override
    public int getTransactionTimeout() {
        return 0;
    }

    @Override
    public boolean setTransactionTimeout(int seconds) {
        return false;
    }
}
