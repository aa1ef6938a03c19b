// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.broker;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SentencesTest {

    @Test
    void theClockShowsSecondsAndMillisecondsEvenOnAnExactMinute() {
        Instant onTheMinute = ZonedDateTime.of(2026, 12, 1, 14, 3, 0, 0, ZoneId.systemDefault()).toInstant();

        assertEquals("14:03:00.000", Sentences.clock(onTheMinute));
        assertEquals("14:03:07.250", Sentences.clock(onTheMinute.plusMillis(7_250)));
    }

    @Test
    void aSentenceEndsWithExactlyOneClosingMark() {
        assertEquals("Closed.", Sentences.end("Closed"));
        assertEquals("Closed.", Sentences.end(" Closed. "));
        assertEquals("Why?", Sentences.end("Why?"));
    }
}
