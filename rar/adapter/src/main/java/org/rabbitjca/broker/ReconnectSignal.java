// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.broker;

import java.util.concurrent.TimeUnit;

/**
 * Ends the reconnect waits of every connection to one broker as soon as one of them is connected again: each
 * connection backs off on its own schedule, with its own jitter, so without this a pool could stay down for most of
 * a backoff step (up to {@code reconnectMaxDelayMillis}) after its message-driven beans were consuming again.
 * Thread-safe.
 */
final class ReconnectSignal {

    private long connections; // guarded by this: how many times a connection to the broker was (re)opened

    /** A connection to the broker was opened or recovered: every wait ends. */
    synchronized void connected() {
        connections++;
        notifyAll();
    }

    /**
     * Waits for the backoff, or less when another connection to the same broker connects meanwhile.
     *
     * @param millis the backoff
     * @return whether the wait ended early because another connection connected
     */
    synchronized boolean await(long millis) throws InterruptedException {
        long seen = connections;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (long left = millis; left > 0 && connections == seen;
             left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) {
            wait(left);
        }
        return connections != seen;
    }
}
