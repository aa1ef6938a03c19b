// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.bench.app;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts consumed messages per listener, with the times of the first and the last one since the last reset. Plain
 * static state, not an EJB: the raw consumers count without a container call, so the listeners do too.
 */
public final class ConsumeCounter {

    /** One listener's count. */
    private static final class Count {
        final AtomicLong messages = new AtomicLong();
        final AtomicLong firstNanos = new AtomicLong();
        final AtomicLong lastNanos = new AtomicLong();
    }

    private static final Map<String, Count> COUNTS = new ConcurrentHashMap<>();

    /** @param listener counts one message for this listener */
    public static void consumed(String listener) {
        Count count = COUNTS.computeIfAbsent(listener, name -> new Count());
        long now = System.nanoTime();
        count.firstNanos.compareAndSet(0, now);
        count.messages.incrementAndGet();
        count.lastNanos.accumulateAndGet(now, Math::max);
    }

    private ConsumeCounter() {
    }

    /** Forgets every count. */
    public static void reset() {
        COUNTS.clear();
    }

    /** @return {@code messages=N} and {@code millis=first-to-last} of one listener */
    public static String of(String listener) {
        Count count = COUNTS.getOrDefault(listener, new Count());
        return "messages=" + count.messages.get() + "\nmillis="
                + (count.lastNanos.get() - count.firstNanos.get()) / 1_000_000.0 + "\n";
    }
}
