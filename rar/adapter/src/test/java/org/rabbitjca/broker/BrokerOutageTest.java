// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.broker;

import org.junit.jupiter.api.Test;
import org.rabbitjca.api.BrokerUnavailableException;
import org.rabbitjca.api.BrokerUnreachableException;
import org.rabbitjca.settings.Backoff;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BrokerOutageTest {

    /** A minute between attempts: no attempt falls due while a test runs. */
    private final BrokerOutage outage = new BrokerOutage(new Backoff(60_000, 60_000));

    @Test
    void callersGoThroughWhileNothingFailed() {
        assertDoesNotThrow(outage::failFastIfDown);
    }

    @Test
    void afterAFailedConnectCallersFailAtOnceWithTheCauseAndTheNextAttempt() {
        BrokerUnreachableException refused = new BrokerUnreachableException("Cannot reach the broker at h:1", null);
        outage.connectFailed(refused);

        BrokerUnavailableException fast = assertThrows(BrokerUnavailableException.class, outage::failFastIfDown);

        assertAll(() -> assertSame(refused, fast.getCause()),
                () -> assertTrue(fast.getMessage().matches("The broker is unavailable since \\d\\d:\\d\\d:\\d\\d.*: "
                        + "Cannot reach the broker at h:1\\. Failing at once instead of waiting: the next attempt is at "
                        + "\\d\\d:\\d\\d:\\d\\d.* \\(in \\d+ ms\\)\\."), fast.getMessage()));
    }

    @Test
    void aFailedConnectWhoseWaitIsOverLetsTheNextCallerTry() {
        BrokerOutage immediate = new BrokerOutage(new Backoff(1, 1));
        immediate.connectFailed(new BrokerUnreachableException("refused", null));

        assertTrue(waitsOver(immediate), "the caller after the backoff was not let through");
    }

    @Test
    void aLostConnectionFailsCallersUntilRecoveredAndSaysWhenRecoveryTriesNext() {
        outage.lost("Heartbeat missing");
        BrokerUnavailableException underWay = assertThrows(BrokerUnavailableException.class,
                outage::failFastIfDown);
        outage.recoveryDelayMillis(0);
        BrokerUnavailableException scheduled = assertThrows(BrokerUnavailableException.class,
                outage::failFastIfDown);
        outage.connected();

        String whileUnderWay = underWay.getMessage();
        assertAll(() -> assertTrue(whileUnderWay.contains("the connection was lost (Heartbeat missing)")
                        && whileUnderWay.contains("an attempt to reconnect is under way"), whileUnderWay),
                () -> assertTrue(scheduled.getMessage().contains("the next attempt is at"), scheduled.getMessage()),
                () -> assertDoesNotThrow(outage::failFastIfDown));
    }

    private static boolean waitsOver(BrokerOutage outage) {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                outage.failFastIfDown();
                return true;
            } catch (BrokerUnavailableException notYet) {
                Thread.onSpinWait();
            }
        }
        return false;
    }
}
