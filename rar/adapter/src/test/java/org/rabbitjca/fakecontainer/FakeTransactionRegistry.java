// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.fakecontainer;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One transaction, as a container's registry shows it to the adapter: synchronizations and resources registered
 * with it, a rollback-only mark, and {@link #complete()} playing the container's commit (or its rollback, when
 * marked or when a {@code beforeCompletion} threw).
 */
public final class FakeTransactionRegistry implements TransactionSynchronizationRegistry {

    private final List<Synchronization> synchronizations = new ArrayList<>();
    private final Map<Object, Object> resources = new HashMap<>();
    private boolean active = true;
    private boolean rollbackOnly;
    private RuntimeException beforeCompletionFailure;
    private boolean completing;
    private boolean refusing;
    private Registrations duringCompletion = Registrations.RUN;

    /** What the container does with a synchronization registered while it completes the transaction. */
    public enum Registrations {
        /** Runs it after the ones registered before (Payara). */
        RUN,
        /** Refuses it with an {@code IllegalStateException}. */
        REFUSE,
        /** Accepts it and never runs it. */
        IGNORE
    }

    /**
     * Ends the transaction as the container would: before completion (skipped when marked for rollback), then
     * commit unless marked or a synchronization threw, then after completion.
     *
     * @return the transaction's final status
     */
    public int complete() {
        completing = true;
        // By index, as Payara does: a synchronization registered meanwhile runs too, at the end.
        for (int i = 0; i < synchronizations.size() && !rollbackOnly; i++) {
            try {
                synchronizations.get(i).beforeCompletion();
            } catch (RuntimeException failure) {
                beforeCompletionFailure = failure;
                rollbackOnly = true;
            }
        }
        int status = rollbackOnly ? Status.STATUS_ROLLEDBACK : Status.STATUS_COMMITTED;
        synchronizations.forEach(synchronization -> synchronization.afterCompletion(status));
        active = false;
        return status;
    }

    /** @return what a {@code beforeCompletion} threw in {@link #complete()}, or {@code null} */
    public RuntimeException beforeCompletionFailure() {
        return beforeCompletionFailure;
    }

    /** @param registrations what the container does with a registration while it completes */
    public void duringCompletion(Registrations registrations) {
        this.duringCompletion = registrations;
    }

    /** Makes every registration fail, as a transaction manager may for a transaction marked for rollback. */
    public void refuseRegistrations() {
        refusing = true;
    }

    /** Makes the registry show no transaction on the thread. */
    public void noTransaction() {
        active = false;
    }

    /** @return how many synchronizations were registered */
    public int synchronizations() {
        return synchronizations.size();
    }

    @Override
    public Object getTransactionKey() {
        return active ? this : null;
    }

    @Override
    public void putResource(Object key, Object value) {
        resources.put(key, value);
    }

    @Override
    public Object getResource(Object key) {
        return resources.get(key);
    }

    @Override
    public void registerInterposedSynchronization(Synchronization synchronization) {
        if (!active) {
            throw new IllegalStateException("no transaction is active on this thread");
        }
        if (refusing || completing && duringCompletion == Registrations.REFUSE) {
            throw new IllegalStateException("the transaction is completing");
        }
        if (!completing || duringCompletion == Registrations.RUN) {
            synchronizations.add(synchronization);
        }
    }

    @Override
    public int getTransactionStatus() {
        if (!active) {
            return Status.STATUS_NO_TRANSACTION;
        }
        return rollbackOnly ? Status.STATUS_MARKED_ROLLBACK : Status.STATUS_ACTIVE;
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
