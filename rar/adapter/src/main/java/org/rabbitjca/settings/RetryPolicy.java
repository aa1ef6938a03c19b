// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.settings;

/**
 * How often and when a message whose processing failed is tried again.
 *
 * @param maxAttempts tries in all, at least 1
 * @param initialDelayMillis the wait before the second try
 * @param multiplier the growth of each later wait
 * @param maxDelayMillis the longest wait
 */
public record RetryPolicy(int maxAttempts, int initialDelayMillis, double multiplier, int maxDelayMillis) {

    /** Default of {@code maxAttempts}: a poison message is set aside after five tries, never loops forever. */
    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    /** Default of {@code retryInitialDelayMillis}. */
    public static final int DEFAULT_INITIAL_DELAY_MILLIS = 1_000;
    /** Default of {@code retryMultiplier}. */
    public static final double DEFAULT_MULTIPLIER = 2.0;
    /** Default of {@code retryMaxDelayMillis}. */
    public static final int DEFAULT_MAX_DELAY_MILLIS = 60_000;

    /**
     * @param failedAttempts how many tries failed so far, at least 1
     * @return whether another try is allowed
     */
    public boolean allowsRetryAfter(int failedAttempts) {
        return failedAttempts < maxAttempts;
    }

    /**
     * @param failedAttempts how many tries failed so far, at least 1
     * @return how long to wait before the next try, in milliseconds
     */
    public int delayAfter(int failedAttempts) {
        double delay = initialDelayMillis * Math.pow(multiplier, failedAttempts - 1);
        return (int) Math.min(delay, maxDelayMillis);
    }
}
