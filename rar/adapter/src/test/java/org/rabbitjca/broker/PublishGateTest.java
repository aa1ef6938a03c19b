// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.broker;

import org.junit.jupiter.api.Test;
import org.rabbitjca.api.BrokerBlockedException;
import org.rabbitjca.api.monitoring.Condition;
import org.rabbitjca.api.monitoring.ResourceState;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublishGateTest {

    private final PublishGate gate = new PublishGate();

    @Test
    void anOpenGateLetsPublishesThroughAtOnce() {
        assertDoesNotThrow(() -> gate.awaitOpen(0, "channel 1"));
        assertFalse(gate.isBlocked());
    }

    @Test
    void aBlockThatOutlastsTheTimeoutFailsWithTheBrokersReason() {
        gate.handleBlocked("low on memory");

        BrokerBlockedException blocked = assertThrows(BrokerBlockedException.class,
                () -> gate.awaitOpen(50, "channel 1 on connection 'app'"));

        assertAll(() -> assertTrue(gate.isBlocked()),
                () -> assertTrue(blocked.getMessage().startsWith("The broker is blocking publishers on channel 1 on "
                        + "connection 'app' since "), blocked.getMessage()),
                () -> assertTrue(blocked.getMessage().contains(": low on memory (a memory or disk alarm). The publish "
                        + "waited 50 ms and was not sent."), blocked.getMessage()));
    }

    @Test
    void aWaitingPublishGoesOnWhenTheBrokerLiftsTheBlock() throws Exception {
        gate.handleBlocked("low on disk");
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<Void> publish = CompletableFuture.runAsync(() -> {
            waiting.countDown();
            gate.awaitOpen(60_000, "channel 1");
        });
        assertTrue(waiting.await(10, TimeUnit.SECONDS));

        gate.handleUnblocked();

        assertDoesNotThrow(() -> publish.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aLostConnectionOpensTheGate() {
        gate.handleBlocked("low on memory");

        gate.reset();

        assertAll(() -> assertFalse(gate.isBlocked()),
                () -> assertDoesNotThrow(() -> gate.awaitOpen(0, "channel 1")));
    }

    @Test
    void aBlockShowsAsBlockedWithTheBrokersReasonAndItsTimeAddsUpAcrossBlocks() throws InterruptedException {
        assertNull(gate.blockedState(), "not blocked");
        gate.handleBlocked("low on memory");
        Thread.sleep(20); // a measured duration, not a synchronisation
        ResourceState blocked = gate.blockedState();
        gate.handleUnblocked();
        long first = gate.blockedNanos();
        gate.handleBlocked(" ");
        Thread.sleep(20);

        assertAll(() -> assertEquals(Condition.BLOCKED, blocked.condition()),
                () -> assertEquals("the broker blocks publishing: low on memory (a memory or disk alarm)",
                        blocked.reason()),
                () -> assertNotNull(blocked.since()),
                () -> assertTrue(first >= 20_000_000L, first + " ns"),
                () -> assertTrue(gate.blockedNanos() >= first + 20_000_000L, "the current block counts too"),
                () -> assertTrue(gate.blockedState().reason().contains("no reason given")));
    }
}
