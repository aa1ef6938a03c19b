// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.settings;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {

    private final Backoff backoff = new Backoff(1_000, 30_000);

    @Test
    void delaysDoubleWithinAQuarterOfJitter() {
        for (int attempt = 0; attempt < 4; attempt++) {
            long expected = 1_000L << attempt;
            for (int sample = 0; sample < 200; sample++) {
                long delay = backoff.delayMillis(attempt);
                assertTrue(delay >= expected * 0.75 && delay <= expected * 1.25, attempt + ": " + delay);
            }
        }
    }

    @Test
    void delaysNeverExceedTheCapEvenAfterManyAttempts() {
        for (int attempt : new int[] {5, 10, 31, 1_000, Integer.MAX_VALUE}) {
            long delay = backoff.delayMillis(attempt);
            assertTrue(delay >= 22_500 && delay <= 30_000, attempt + ": " + delay);
        }
    }

    @Test
    void delaysAreSpreadNotIdentical() {
        long first = backoff.delayMillis(3);
        boolean differs = false;
        for (int sample = 0; sample < 50 && !differs; sample++) {
            differs = backoff.delayMillis(3) != first;
        }
        assertTrue(differs, "jitter spreads reconnects");
    }
}
