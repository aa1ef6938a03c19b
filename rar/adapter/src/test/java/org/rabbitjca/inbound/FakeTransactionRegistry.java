// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.ArrayList;
import java.util.List;

/**
 * One transaction, as a container's registry shows it to the adapter: synchronizations registered with it, a
 * rollback-only mark, and {@link #complete()} playing the container's commit (or rollback when marked).
 */
final class FakeTransactionRegistry implements TransactionSynchronizationRegistry {

    private final List<Synchronization> synchronizations = new ArrayList<>();
    private boolean active = true;
    private boolean rollbackOnly;

    /** Ends the transaction as the container would: before completion, then commit unless marked, then after. */
    int complete() {
        synchronizations.forEach(Synchronization::beforeCompletion);
        int status = rollbackOnly ? Status.STATUS_ROLLEDBACK : Status.STATUS_COMMITTED;
        synchronizations.forEach(synchronization -> synchronization.afterCompletion(status));
        active = false;
        return status;
    }

    /** Makes the registry show no transaction on the thread. */
    void noTransaction() {
        active = false;
    }

    @Override
    public Object getTransactionKey() {
        return active ? this : null;
    }

    @Override
    public void putResource(Object key, Object value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Object getResource(Object key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void registerInterposedSynchronization(Synchronization synchronization) {
        if (!active) {
            throw new IllegalStateException("no transaction is active on this thread");
        }
        synchronizations.add(synchronization);
    }

    @Override
    public int getTransactionStatus() {
        return active ? Status.STATUS_ACTIVE : Status.STATUS_NO_TRANSACTION;
    }

    @Override
    public void setRollbackOnly() {
        rollbackOnly = true;
    }

    @Override
    public boolean getRollbackOnly() {
        return rollbackOnly;
    }
}
