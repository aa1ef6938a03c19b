// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.bench.app;

import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An XA resource that votes yes and does nothing: enlisted next to a non-XA pool, it makes the transaction manager
 * run the two-phase path (the non-XA pool as the last agent) that enlisting the adapter's pool would, without any
 * work of its own, so that the benchmark measures that path's cost alone.
 */
final class NoWorkXaResource implements XAResource {

    /** How often a transaction manager asked any of them to prepare: the proof that the two-phase path ran. */
    static final AtomicLong PREPARED = new AtomicLong();

    @Override
    public void start(Xid xid, int flags) {
    }

    @Override
    public void end(Xid xid, int flags) {
    }

    @Override
    public int prepare(Xid xid) {
        PREPARED.incrementAndGet();
        return XA_OK;
    }

    @Override
    public void commit(Xid xid, boolean onePhase) {
    }

    @Override
    public void rollback(Xid xid) {
    }

    @Override
    public void forget(Xid xid) {
    }

    @Override
    public Xid[] recover(int flag) {
        return new Xid[0];
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
