// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testbroker;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * The one wait of every test module: polls an observation every 200 ms until it satisfies a condition or a deadline
 * passes; never a bare sleep. {@link #until} hands the last observation back for the caller to assert on (so the
 * failure says what was seen); {@link #assertEventually} fails by itself.
 */
public final class Poll {

    private static final long INTERVAL_MILLIS = 200;

    private Poll() {
    }

    /**
     * @param deadline how long to keep polling
     * @param observation what to observe, e.g. a count on the broker
     * @param done when to stop
     * @return the last observation: it satisfies {@code done} unless the deadline passed, which the caller asserts
     */
    public static <T> T until(Duration deadline, Callable<T> observation, Predicate<T> done) throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        T last = observation.call();
        while (!done.test(last) && System.nanoTime() - end < 0) {
            Thread.sleep(INTERVAL_MILLIS);
            last = observation.call();
        }
        return last;
    }

    /**
     * @param what what is awaited, for the failure message
     * @param deadline how long to keep polling
     * @param condition when to stop
     * @throws AssertionError when {@code condition} does not hold within {@code deadline}
     */
    public static void assertEventually(String what, Duration deadline, BooleanSupplier condition)
            throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - end > 0) {
                throw new AssertionError(what + " did not happen within " + deadline.toMillis() + " ms");
            }
            Thread.sleep(INTERVAL_MILLIS);
        }
    }
}
