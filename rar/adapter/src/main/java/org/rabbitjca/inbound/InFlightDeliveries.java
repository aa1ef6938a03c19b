// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

/**
 * Counts deliveries handed to the WorkManager and not yet finished, so that deactivation can wait for them (with a
 * deadline) before closing the channel: closing earlier would requeue messages whose processing is under way.
 * Thread-safe: guarded by this object's monitor.
 */
final class InFlightDeliveries {

    private int count;

    synchronized void started() {
        count++;
    }

    synchronized void finished() {
        count--;
        if (count == 0) {
            notifyAll();
        }
    }

    /**
     * Waits until no delivery is in flight or the deadline passes.
     *
     * @param timeoutMillis the longest wait
     * @return the number still in flight (0 when all finished)
     */
    synchronized int awaitNone(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (count > 0) {
            long leftMillis = (deadline - System.nanoTime()) / 1_000_000L;
            if (leftMillis <= 0) {
                break;
            }
            wait(leftMillis);
        }
        return count;
    }
}
