// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkManager;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rabbitjca.inbound.TestDeliveries.message;
import static org.rabbitjca.inbound.TestDeliveries.recorder;

class ConcurrencyLimitTest {

    @Test
    void theBoundHoldsAcrossSessionsUnderContentionAndEveryPermitComesBack() throws Exception {
        ConcurrencyLimit limit = new ConcurrencyLimit(3);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        WorkManager workManager = new ThreadsWorkManager(threads);
        int sessions = 4;
        int perSession = 300;
        CountDownLatch handled = new CountDownLatch(sessions * perSession);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        DeliveryDispatcher.Handler handler = new DeliveryDispatcher.Handler() {
            @Override
            public void handle(DeliveredMessage message) {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                LockSupport.parkNanos(20_000); // simulated work, not synchronisation
                running.decrementAndGet();
                handled.countDown();
            }

            @Override
            public void close() {
            }
        };
        List<Thread> dispatchThreads = new ArrayList<>();
        for (int session = 0; session < sessions; session++) {
            // One amqp-client dispatch thread per consumer channel, all sharing the endpoint's limit.
            DeliveryDispatcher dispatcher = new DeliveryDispatcher(workManager, limit, () -> handler,
                    message -> { throw new AssertionError("nothing is refused"); }, "test");
            Thread dispatch = new Thread(() -> {
                for (int i = 0; i < perSession; i++) {
                    dispatcher.dispatch(message(i));
                }
            });
            dispatchThreads.add(dispatch);
            dispatch.start();
        }
        for (Thread dispatch : dispatchThreads) {
            dispatch.join(30_000);
        }

        boolean allHandled = handled.await(30, TimeUnit.SECONDS);
        threads.shutdown();
        boolean workersEnded = threads.awaitTermination(30, TimeUnit.SECONDS);

        assertAll(() -> assertTrue(allHandled && workersEnded, "every delivery handled, every worker ended"),
                () -> assertTrue(mostAtOnce.get() <= 3, "at most 3 at once, saw " + mostAtOnce.get()),
                () -> assertEquals(0, limit.used(), "every permit came back"));
    }

    @Test
    void aPermitGivenBackGoesToTheSessionsWaitingForOneInTheOrderTheyAsked() {
        ManualWorkManager workManager = new ManualWorkManager();
        ConcurrencyLimit limit = new ConcurrencyLimit(1);
        List<String> handled = new ArrayList<>();
        List<DeliveryDispatcher> sessions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            DeliveryDispatcher session = new DeliveryDispatcher(workManager, limit, () -> recorder(handled),
                    message -> { }, "test");
            sessions.add(session);
            session.dispatch(message(i));
        }
        assertEquals(1, workManager.scheduled(), "one permit, one worker");

        workManager.runNext();
        workManager.runNext();
        workManager.runNext();

        assertAll(() -> assertEquals(List.of("0", "1", "2"), handled),
                () -> assertEquals(0, workManager.scheduled()),
                () -> assertEquals(0, limit.used()));
    }

    /** A WorkManager that runs each piece of work at once on a thread of a pool. */
    private record ThreadsWorkManager(ExecutorService threads) implements SchedulingOnlyWorkManager {
        @Override
        public void scheduleWork(Work work) {
            threads.execute(work);
        }
    }
}
