// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.sample.it.support;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Polls an observation until it satisfies a condition or a deadline passes; the wait every test uses. */
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
        while (!done.test(last) && System.nanoTime() < end) {
            Thread.sleep(INTERVAL_MILLIS);
            last = observation.call();
        }
        return last;
    }
}
