// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.probe;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import org.rabbitjca.api.RabbitMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the test listeners saw, per listener and message id: tries, successful processings, redelivered flags, and
 * the order of processing. Message ids end in a sequence number ({@code prefix-N}) so that order can be checked.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DeliveryLog {

    /** The counts of one listener. */
    private static final class Counts {
        final Map<String, Integer> attempts = new ConcurrentHashMap<>();
        final Map<String, Integer> processed = new ConcurrentHashMap<>();
        final AtomicInteger redelivered = new AtomicInteger();
        final List<String> order = new ArrayList<>(); // guarded by itself
        final AtomicInteger withAdapterHeader = new AtomicInteger();
        final AtomicInteger active = new AtomicInteger();
        final AtomicInteger maxActive = new AtomicInteger();
    }

    private final Map<String, Counts> listeners = new ConcurrentHashMap<>();

    private Counts of(String listener) {
        return listeners.computeIfAbsent(listener, name -> new Counts());
    }

    /**
     * @param listener the listener's name
     * @param message the delivery
     * @return the try number of this message at this listener, starting at 1
     */
    public int attempt(String listener, RabbitMessage message) {
        Counts counts = of(listener);
        if (message.envelope().isRedeliver()) {
            counts.redelivered.incrementAndGet();
        }
        Map<String, Object> headers = message.properties().getHeaders();
        if (headers != null && headers.keySet().stream().anyMatch(name -> name.startsWith("x-rabbitjca-publish"))) {
            counts.withAdapterHeader.incrementAndGet();
        }
        return counts.attempts.merge(message.properties().getMessageId(), 1, Integer::sum);
    }

    /**
     * Marks the start of an {@code onMessage} call that {@link #ended} marks the end of, to count how many run at
     * once.
     *
     * @param listener the listener's name
     */
    public void started(String listener) {
        Counts counts = of(listener);
        counts.maxActive.accumulateAndGet(counts.active.incrementAndGet(), Math::max);
    }

    /** @param listener the listener whose {@code onMessage} call, marked by {@link #started}, ends */
    public void ended(String listener) {
        of(listener).active.decrementAndGet();
    }

    /**
     * @param listener the listener's name
     * @param message a delivery processed successfully
     */
    public void processed(String listener, RabbitMessage message) {
        Counts counts = of(listener);
        String id = message.properties().getMessageId();
        counts.processed.merge(id, 1, Integer::sum);
        synchronized (counts.order) {
            counts.order.add(id);
        }
    }

    /**
     * @param listener the listener's name
     * @return key=value lines: distinctProcessed, processed, duplicates, attempts, maxProcessedPerMessage,
     *         redelivered, ordered (ids processed in increasing sequence), maxActive (the most {@code onMessage} calls
     *         that ran at once, for listeners that mark them), withPublishHeader (tries that saw a header the
     *         adapter's publishing side sets)
     */
    public String summary(String listener) {
        Counts counts = of(listener);
        List<Integer> perMessage = List.copyOf(counts.processed.values());
        int processed = perMessage.stream().mapToInt(Integer::intValue).sum();
        return "distinctProcessed=" + perMessage.size()
                + "\nprocessed=" + processed
                + "\nduplicates=" + (processed - perMessage.size())
                + "\nattempts=" + counts.attempts.values().stream().mapToInt(Integer::intValue).sum()
                + "\nmaxProcessedPerMessage=" + perMessage.stream().mapToInt(Integer::intValue).max().orElse(0)
                + "\nredelivered=" + counts.redelivered.get()
                + "\nordered=" + ordered(counts)
                + "\nmaxActive=" + counts.maxActive.get()
                + "\nwithPublishHeader=" + counts.withAdapterHeader.get() + "\n";
    }

    /** @return key=value lines: the tries and processings of one message at one listener */
    public String of(String listener, String messageId) {
        Counts counts = of(listener);
        return "attempts=" + counts.attempts.getOrDefault(messageId, 0)
                + "\nprocessed=" + counts.processed.getOrDefault(messageId, 0) + "\n";
    }

    private static boolean ordered(Counts counts) {
        synchronized (counts.order) {
            long previous = -1;
            for (String id : counts.order) {
                long sequence = Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
                if (sequence <= previous) {
                    return false;
                }
                previous = sequence;
            }
            return true;
        }
    }
}
