// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.bench.app;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts consumed messages per listener, with the times of the first and the last one since the last reset. */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ConsumeCounter {

    /** One listener's count. */
    private static final class Count {
        final AtomicLong messages = new AtomicLong();
        final AtomicLong firstNanos = new AtomicLong();
        final AtomicLong lastNanos = new AtomicLong();
    }

    private final Map<String, Count> counts = new ConcurrentHashMap<>();

    /** @param listener counts one message for this listener */
    public void consumed(String listener) {
        Count count = counts.computeIfAbsent(listener, name -> new Count());
        long now = System.nanoTime();
        count.firstNanos.compareAndSet(0, now);
        count.messages.incrementAndGet();
        count.lastNanos.accumulateAndGet(now, Math::max);
    }

    /** Forgets every count. */
    public void reset() {
        counts.clear();
    }

    /** @return {@code messages=N} and {@code millis=first-to-last} of one listener */
    public String of(String listener) {
        Count count = counts.getOrDefault(listener, new Count());
        return "messages=" + count.messages.get() + "\nmillis="
                + (count.lastNanos.get() - count.firstNanos.get()) / 1_000_000.0 + "\n";
    }
}
