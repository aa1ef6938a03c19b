// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.settings;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter for reconnect attempts: the first wait is about {@code initialMillis}, each next
 * one twice as long, never above {@code maxMillis}, each spread by up to a quarter either way so that many clients
 * that lost the same broker do not come back in lockstep. Immutable and thread-safe.
 *
 * @param initialMillis the wait after the first failure
 * @param maxMillis the longest wait
 */
public record Backoff(long initialMillis, long maxMillis) {

    /** Default of {@code reconnectInitialDelayMillis}. */
    public static final int DEFAULT_INITIAL_MILLIS = 1_000;
    /** Default of {@code reconnectMaxDelayMillis}. */
    public static final int DEFAULT_MAX_MILLIS = 30_000;

    /**
     * @param failedAttempts how many attempts failed in a row, from 0 for the first wait
     * @return how long to wait before the next attempt, in milliseconds
     */
    public long delayMillis(int failedAttempts) {
        return delayMillis(failedAttempts, ThreadLocalRandom.current().nextDouble());
    }

    /**
     * @param failedAttempts how many attempts failed in a row, from 0 for the first wait
     * @param draw where the wait falls within its jitter, from 0 (a quarter shorter) to 1 (a quarter longer, but
     *             never above {@code maxMillis}); {@link #delayMillis(int)} draws it at random
     * @return how long to wait before the next attempt, in milliseconds
     */
    public long delayMillis(int failedAttempts, double draw) {
        double base = Math.min(maxMillis, initialMillis * Math.pow(2, Math.min(failedAttempts, 30)));
        double jitter = 1 + (draw - 0.5) / 2;
        return Math.min(maxMillis, Math.round(base * jitter));
    }
}
