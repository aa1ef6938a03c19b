// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.settings;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {

    private final Backoff backoff = new Backoff(1_000, 30_000);

    @Test
    void delaysDoubleWithinAQuarterOfJitter() {
        for (int attempt = 0; attempt < 4; attempt++) {
            long expected = 1_000L << attempt;
            int step = attempt;
            assertAll(() -> assertEquals(expected * 3 / 4, backoff.delayMillis(step, 0.0)),
                    () -> assertEquals(expected, backoff.delayMillis(step, 0.5)),
                    () -> assertEquals(expected * 5 / 4, backoff.delayMillis(step, 1.0)));
        }
    }

    @Test
    void delaysNeverExceedTheCapEvenAfterManyAttempts() {
        for (int attempt : new int[] {5, 10, 31, 1_000, Integer.MAX_VALUE}) {
            int step = attempt;
            assertAll(() -> assertEquals(22_500, backoff.delayMillis(step, 0.0)),
                    () -> assertEquals(30_000, backoff.delayMillis(step, 1.0)));
        }
    }

    @Test
    void delaysAreSpreadByTheDrawNotIdentical() {
        assertTrue(backoff.delayMillis(3, 0.25) < backoff.delayMillis(3, 0.75));
    }

    @Test
    void randomDelaysStayWithinTheJitterOfTheirStep() {
        for (int sample = 0; sample < 200; sample++) {
            long delay = backoff.delayMillis(2);
            assertTrue(delay >= 3_000 && delay <= 5_000, "attempt 2: " + delay);
        }
    }
}
