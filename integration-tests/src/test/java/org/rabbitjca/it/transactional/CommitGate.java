// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.transactional;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds one order between its publishes and its commit while the test breaks the broker: the order says it
 * {@link #arrive arrived}, the test sees it {@link #waiting} and {@link #open opens} the gate.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class CommitGate {

    private volatile CountDownLatch arrived = new CountDownLatch(1);
    private volatile CountDownLatch opened = new CountDownLatch(1);

    /** Called by the order: waits at most a minute for the test. */
    public void arrive() throws InterruptedException {
        CountDownLatch gate = opened; // taken before arriving: open() replaces it
        arrived.countDown();
        if (!gate.await(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the test never opened the commit gate");
        }
    }

    /** @return whether an order waits at the gate */
    public boolean waiting() {
        return arrived.getCount() == 0 && opened.getCount() == 1;
    }

    /** Lets the waiting order commit, and sets the gate up for the next one. */
    public void open() {
        CountDownLatch letGo = opened;
        arrived = new CountDownLatch(1);
        opened = new CountDownLatch(1);
        letGo.countDown();
    }
}
