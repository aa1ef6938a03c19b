// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.broker;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReconnectSignalTest {

    private final ReconnectSignal signal = new ReconnectSignal();

    @Test
    void aWaitWithoutAnotherConnectionRunsItsFullBackoff() throws InterruptedException {
        long start = System.nanoTime();

        assertFalse(signal.await(50), "nothing connected meanwhile");
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) >= 50, "waited the whole backoff");
    }

    @Test
    void anotherConnectionToTheBrokerEndsTheWait() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<Boolean> endedEarly = CompletableFuture.supplyAsync(() -> {
            waiting.countDown();
            try {
                return signal.await(60_000);
            } catch (InterruptedException interrupted) {
                throw new IllegalStateException(interrupted);
            }
        });
        assertTrue(waiting.await(10, TimeUnit.SECONDS));
        // The waiter may not be inside await yet; connecting until it returns covers both orders.
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!endedEarly.isDone() && System.nanoTime() - giveUp < 0) {
            signal.connected();
            Thread.sleep(10); // lets the waiter run; the loop ends as soon as it returned
        }

        assertTrue(endedEarly.get(10, TimeUnit.SECONDS), "the wait ended because a connection connected");
    }

    @Test
    void aConnectionBeforeTheWaitDoesNotShortenIt() throws InterruptedException {
        signal.connected();

        assertFalse(signal.await(20), "only connections during the wait count");
    }
}
