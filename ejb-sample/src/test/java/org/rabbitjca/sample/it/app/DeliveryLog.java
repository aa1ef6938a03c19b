// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.sample.it.app;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts what {@link CountingListener} saw, per message id: attempts and successful processings. */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DeliveryLog {

    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> processed = new ConcurrentHashMap<>();
    private final AtomicInteger redelivered = new AtomicInteger();

    /**
     * @param messageId the message id
     * @param redeliveredFlag the envelope's redelivered flag
     * @return the attempt number, starting at 1
     */
    public int attempt(String messageId, boolean redeliveredFlag) {
        if (redeliveredFlag) {
            redelivered.incrementAndGet();
        }
        return attempts.computeIfAbsent(messageId, id -> new AtomicInteger()).incrementAndGet();
    }

    /** @param messageId a message processed successfully */
    public void processed(String messageId) {
        processed.computeIfAbsent(messageId, id -> new AtomicInteger()).incrementAndGet();
    }

    /** @return key=value lines: distinct, processed, attempts, maxProcessedPerMessage, redelivered */
    public String summary() {
        return "distinctProcessed=" + processed.size()
                + "\nprocessed=" + processed.values().stream().mapToInt(AtomicInteger::get).sum()
                + "\nattempts=" + attempts.values().stream().mapToInt(AtomicInteger::get).sum()
                + "\nmaxProcessedPerMessage=" + processed.values().stream().mapToInt(AtomicInteger::get).max().orElse(0)
                + "\nredelivered=" + redelivered.get() + "\n";
    }

    /** @return key=value lines: the attempts and processings of one message */
    public String of(String messageId) {
        return "attempts=" + attempts.getOrDefault(messageId, new AtomicInteger()).get()
                + "\nprocessed=" + processed.getOrDefault(messageId, new AtomicInteger()).get() + "\n";
    }
}
