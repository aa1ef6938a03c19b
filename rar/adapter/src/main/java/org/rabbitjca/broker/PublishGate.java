// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.broker;

import com.rabbitmq.client.BlockedListener;
import org.rabbitjca.api.BrokerBlockedException;

import java.time.Instant;

/**
 * Whether the broker lets one physical connection publish. The broker blocks publishing connections while a memory
 * or disk alarm is in effect and says so ({@code connection.blocked}); a publish then waits here, at most its
 * timeout, instead of writing into a socket the broker no longer reads. Thread-safe.
 */
public final class PublishGate implements BlockedListener {

    private volatile String blockedReason; // null while publishing is allowed
    private Instant blockedSince;          // guarded by this

    @Override
    public synchronized void handleBlocked(String reason) {
        blockedSince = Instant.now();
        blockedReason = reason == null || reason.isBlank() ? "no reason given" : reason;
    }

    @Override
    public synchronized void handleUnblocked() {
        blockedReason = null;
        notifyAll();
    }

    /** @return whether the broker is blocking publishers on this connection now */
    public boolean isBlocked() {
        return blockedReason != null;
    }

    /**
     * Returns at once unless the broker blocks the connection; then waits until it lifts the block.
     *
     * @param timeoutMillis the longest wait
     * @param what names the channel in the message
     * @throws BrokerBlockedException when the block outlasts the timeout
     */
    public void awaitOpen(long timeoutMillis, String what) {
        if (blockedReason == null) {
            return;
        }
        synchronized (this) {
            long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
            while (blockedReason != null) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    throw blocked(what, timeoutMillis);
                }
                try {
                    wait(left);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw blocked(what, timeoutMillis);
                }
            }
        }
    }

    /**
     * @return the exception for a publish that gave up while the broker blocks publishers
     */
    public synchronized BrokerBlockedException blocked(String what, long waitedMillis) {
        return new BrokerBlockedException("The broker is blocking publishers on " + what + " since "
                + Sentences.clock(blockedSince) + ": "
                + blockedReason + " (a memory or disk alarm). The publish waited " + waitedMillis + " ms and was not "
                + "sent. Publishing resumes by itself when the alarm clears: free memory or disk space on the broker, "
                + "or let consumers drain its queues.", null);
    }

    /** The connection is gone: a recovered connection starts unblocked, and the broker says again if not. */
    void reset() {
        handleUnblocked();
    }
}
