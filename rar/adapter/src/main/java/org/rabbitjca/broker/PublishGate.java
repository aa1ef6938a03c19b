// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.broker;

import com.rabbitmq.client.BlockedListener;
import org.rabbitjca.api.BrokerBlockedException;
import org.rabbitjca.api.monitoring.Condition;
import org.rabbitjca.api.monitoring.ResourceState;

import java.time.Instant;

/**
 * Whether the broker lets one physical connection publish. The broker blocks publishing connections while a memory
 * or disk alarm is in effect and says so ({@code connection.blocked}); a publish then waits here, at most its
 * timeout, instead of writing into a socket the broker no longer reads. Thread-safe.
 */
public final class PublishGate implements BlockedListener {

    private volatile String blockedReason; // null while publishing is allowed
    private Instant blockedSince;          // guarded by this
    private long blockedAtNanos;           // guarded by this; when the current block began
    private long blockedNanosBefore;       // guarded by this; the blocks that ended

    @Override
    public synchronized void handleBlocked(String reason) {
        if (blockedReason == null) {
            blockedSince = Instant.now();
            blockedAtNanos = System.nanoTime();
        }
        blockedReason = reason == null || reason.isBlank() ? "no reason given" : reason;
    }

    @Override
    public synchronized void handleUnblocked() {
        if (blockedReason != null) {
            blockedNanosBefore += System.nanoTime() - blockedAtNanos;
        }
        blockedReason = null;
        notifyAll();
    }

    /** @return how long the broker blocked this connection, in nanoseconds, the current block included */
    synchronized long blockedNanos() {
        return blockedNanosBefore + (blockedReason == null ? 0 : System.nanoTime() - blockedAtNanos);
    }

    /** @return the connection's state when the broker blocks it, else {@code null} */
    synchronized ResourceState blockedState() {
        return blockedReason == null ? null : new ResourceState(Condition.BLOCKED, "the broker blocks publishing: "
                + blockedReason + " (a memory or disk alarm)", blockedSince, null);
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
