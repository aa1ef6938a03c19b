// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.broker;

import org.rabbitjca.api.monitoring.Condition;
import org.rabbitjca.api.monitoring.ResourceState;
import org.junit.jupiter.api.Test;
import org.rabbitjca.api.BrokerUnreachableException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The circuit breaker, on a clock the test moves and a backoff without jitter: 1 s, 2 s, 4 s, ... */
class BrokerOutageTest {

    /** 14:03:07.250 on the server's clock. */
    private static final Instant START = LocalDateTime.of(2025, 3, 1, 14, 3, 7, 250_000_000)
            .atZone(ZoneId.systemDefault()).toInstant();

    private final ManualClock clock = new ManualClock();
    private final BrokerOutage outage = new BrokerOutage(attempt -> 1_000L << attempt, clock);

    @Test
    void callersGoThroughUntilAConnectFailsAndAgainOnceConnected() {
        assertDoesNotThrow(outage::failFastIfDown);
        outage.connectFailed(refused());
        assertThrows(FailingFastException.class, outage::failFastIfDown);
        outage.connected();

        assertDoesNotThrow(outage::failFastIfDown);
    }

    @Test
    void afterAFailedConnectCallersFailAtOnceWithTheCauseAndTheNextAttempt() {
        BrokerUnreachableException refused = refused();
        outage.connectFailed(refused);
        clock.advance(Duration.ofMillis(400));

        FailingFastException fast = assertThrows(FailingFastException.class, outage::failFastIfDown);

        assertAll(() -> assertSame(refused, fast.getCause()),
                () -> assertEquals("The broker is unavailable since 14:03:07.250: Cannot reach the broker at h:1. "
                        + "Failing at once instead of waiting: the next attempt is at 14:03:08.250 (in 600 ms).",
                        fast.getMessage()),
                () -> assertEquals(Optional.of(START.plusSeconds(1)), fast.nextAttempt()));
    }

    @Test
    void aFailedConnectWhoseWaitIsOverLetsTheNextCallerTry() {
        outage.connectFailed(refused());
        clock.advance(Duration.ofMillis(999));
        assertThrows(FailingFastException.class, outage::failFastIfDown);
        clock.advance(Duration.ofMillis(1));

        assertDoesNotThrow(outage::failFastIfDown);
    }

    @Test
    void eachFailedConnectInARowWaitsTheNextBackoffStepAndTheOutageKeepsItsStart() {
        outage.connectFailed(refused());
        clock.advance(Duration.ofSeconds(1));
        outage.connectFailed(refused());
        clock.advance(Duration.ofSeconds(2));
        outage.connectFailed(refused());

        FailingFastException fast = assertThrows(FailingFastException.class, outage::failFastIfDown);

        assertAll(() -> assertEquals(Optional.of(START.plusSeconds(3 + 4)), fast.nextAttempt()),
                () -> assertTrue(fast.getMessage().startsWith("The broker is unavailable since 14:03:07.250:"),
                        fast.getMessage()));
    }

    @Test
    void aConnectionThatOpenedStartsTheNextOutageAtTheFirstBackoffStep() {
        outage.connectFailed(refused());
        clock.advance(Duration.ofSeconds(1));
        outage.connectFailed(refused());
        outage.connected();
        clock.advance(Duration.ofSeconds(10));

        outage.connectFailed(refused());

        FailingFastException fast = assertThrows(FailingFastException.class, outage::failFastIfDown);
        assertEquals(Optional.of(START.plusSeconds(11 + 1)), fast.nextAttempt());
    }

    @Test
    void aLostConnectionFailsCallersUntilRecoveredAndSaysWhenRecoveryTriesNext() {
        outage.lost("the connection was lost: Heartbeat missing");
        FailingFastException underWay = assertThrows(FailingFastException.class, outage::failFastIfDown);
        long delay = outage.recoveryDelayMillis(1);
        FailingFastException scheduled = assertThrows(FailingFastException.class, outage::failFastIfDown);
        outage.connected();

        assertAll(() -> assertEquals("The broker is unavailable since 14:03:07.250: the connection was lost: "
                        + "Heartbeat missing. Failing at once instead of waiting: an attempt to reconnect is under "
                        + "way.", underWay.getMessage()),
                () -> assertEquals(2_000, delay),
                () -> assertTrue(scheduled.getMessage().endsWith("the next attempt is at 14:03:09.250 (in 2000 ms)."),
                        scheduled.getMessage()),
                () -> assertDoesNotThrow(outage::failFastIfDown));
    }

    @Test
    void whileAmqpClientRecoversCallersKeepFailingAndLearnNoAttemptOfTheirOwn() {
        outage.lost("Connection reset");
        outage.recoveryDelayMillis(0);
        clock.advance(Duration.ofSeconds(5)); // recovery's attempt is due, and amqp-client makes it, not a caller

        FailingFastException overdue = assertThrows(FailingFastException.class, outage::failFastIfDown);
        outage.recoveringNow();
        FailingFastException recovering = assertThrows(FailingFastException.class, outage::failFastIfDown);

        assertAll(() -> assertEquals(Optional.empty(), overdue.nextAttempt()),
                () -> assertTrue(overdue.getMessage().endsWith("an attempt to reconnect is under way."),
                        overdue.getMessage()),
                () -> assertTrue(recovering.getMessage().endsWith("an attempt to reconnect is under way."),
                        recovering.getMessage()));
    }

    private static BrokerUnreachableException refused() {
        return new BrokerUnreachableException("Cannot reach the broker at h:1", null);
    }

    /** A clock that stands still until the test moves it. */
    private static final class ManualClock extends Clock {
        private Instant now = START;

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.systemDefault();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void whileDownItsStateSaysSinceWhenWhyAndWhenTheNextAttemptIs() {
        assertNull(outage.downState(), "up");
        outage.lost("the connection was lost: Heartbeat missing");
        outage.recoveryDelayMillis(1);
        ResourceState down = outage.downState();
        outage.connected();

        assertAll(() -> assertEquals(Condition.DOWN, down.condition()),
                () -> assertEquals("the connection was lost: Heartbeat missing.", down.reason()),
                () -> assertEquals(clock.instant(), down.since()),
                () -> assertEquals(clock.instant().plusSeconds(2), down.nextAttempt()),
                () -> assertNull(outage.downState(), "up again"));
    }
}
