// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.bench.driver;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Runs the same call on several threads until a deadline: the shape of every multi-caller baseline. */
final class Callers {

    /** One call of a caller; returns whether it counts as a message sent. */
    @FunctionalInterface
    interface Call {
        boolean send() throws Exception;
    }

    /** Creates each thread's call, e.g. with its own channel; closed when the thread ends. */
    @FunctionalInterface
    interface CallerFactory {
        AutoCloseableCall open() throws Exception;
    }

    /** A call with resources of its own. */
    interface AutoCloseableCall extends Call, AutoCloseable {
    }

    private Callers() {
    }

    /**
     * @return messages per second over all callers, from the start to the end of the slowest one
     * @throws IllegalStateException when a caller failed
     */
    static double rate(int callers, long millis, CallerFactory factory) throws InterruptedException {
        AtomicLong messages = new AtomicLong();
        List<Throwable> failures = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < callers; t++) {
            Thread thread = new Thread(() -> {
                try (AutoCloseableCall call = factory.open()) {
                    while (System.nanoTime() < deadline) {
                        if (call.send()) {
                            messages.incrementAndGet();
                        }
                    }
                } catch (Exception failure) {
                    synchronized (failures) {
                        failures.add(failure);
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " of " + callers + " callers failed",
                    failures.get(0));
        }
        return messages.get() / ((System.nanoTime() - start) / 1e9);
    }
}
