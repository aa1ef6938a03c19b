// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The {@code maxConcurrency} of one endpoint, shared by all its consumer sessions: when the broker ends a session
 * (a connection loss, a cancelled consumer) while its deliveries still run, the next session's deliveries wait for
 * the permits those hold, so that the bean never runs more deliveries at once than it declared, across recovery too.
 * A dispatcher that finds no permit free is told when one is ({@link DeliveryDispatcher#permitGranted()}).
 *
 * <p>Thread-safe. Lock order: a dispatcher may call {@link #tryAcquire} holding its own monitor; {@link #release}
 * calls the next dispatcher without holding this one's.
 */
final class ConcurrencyLimit {

    private final int max;
    private final Deque<DeliveryDispatcher> waiting = new ArrayDeque<>(); // guarded by this
    private int used; // guarded by this

    /** @param max the most deliveries of the endpoint that may run at once */
    ConcurrencyLimit(int max) {
        this.max = max;
    }

    /** @return the most deliveries of the endpoint that may run at once */
    int max() {
        return max;
    }

    /**
     * Takes a permit, or, when none is free, puts the dispatcher in line for the next one.
     *
     * @return whether the caller got a permit
     */
    synchronized boolean tryAcquire(DeliveryDispatcher dispatcher) {
        if (used < max) {
            used++;
            return true;
        }
        if (!waiting.contains(dispatcher)) {
            waiting.add(dispatcher);
        }
        return false;
    }

    /** Gives a permit back; the first dispatcher in line gets it. */
    void release() {
        DeliveryDispatcher next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                used--;
            }
        }
        if (next != null) {
            next.permitGranted(); // the permit passes on: 'used' stays as it is
        }
    }

    /** @return how many permits are taken, for tests and diagnostics */
    synchronized int used() {
        return used;
    }
}
