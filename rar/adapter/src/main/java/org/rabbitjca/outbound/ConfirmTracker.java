// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.outbound;

import com.rabbitmq.client.ConfirmListener;
import com.rabbitmq.client.Return;
import com.rabbitmq.client.ReturnCallback;
import org.rabbitjca.api.PublishNackedException;
import org.rabbitjca.api.PublishReturnedException;
import org.rabbitjca.api.monitoring.Measure;
import org.rabbitjca.broker.Counters;
import org.rabbitjca.broker.ReturnCorrelation;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Correlates publisher confirms and returns of one channel with the publishes awaiting them, by publish sequence
 * number. A mandatory message carries its sequence number in the header {@link ReturnCorrelation#HEADER}, because a
 * {@code basic.return} says nothing else that identifies it; the broker sends the return before the confirm of the
 * same message, so the confirm completes the publish with the return's failure.
 *
 * <p>Threading: {@link #expect} is called by the thread holding the channel; acks, nacks and returns arrive on the
 * connection's I/O thread; {@link #failAll} on a shutdown. The map is concurrent; each entry completes once.
 */
final class ConfirmTracker implements ConfirmListener, ReturnCallback {

    private final class Pending {
        final CompletableFuture<Void> future = new CompletableFuture<>();
        final String exchange;
        final String routingKey;
        final long sentNanos = System.nanoTime();
        volatile PublishReturnedException returned;

        Pending(String exchange, String routingKey) {
            this.exchange = exchange;
            this.routingKey = routingKey;
        }

        /** Built only for an error message, never on the publish path. */
        String target() {
            return PublishTarget.describe(exchange, routingKey, channelDescription);
        }
    }

    private final String channelDescription;
    private final Counters counters;

    /**
     * @param channelDescription names the channel in error messages
     * @param counters the pool's counts of confirms, nacks, returns and confirm waits
     */
    ConfirmTracker(String channelDescription, Counters counters) {
        this.channelDescription = channelDescription;
        this.counters = counters;
    }

    private final ConcurrentNavigableMap<Long, Pending> pending = new ConcurrentSkipListMap<>();

    /**
     * Registers a publish about to be sent.
     *
     * @param sequenceNumber the channel's next publish sequence number
     * @param exchange the exchange published to
     * @param routingKey the routing key published with
     * @return the future the confirm completes
     */
    CompletableFuture<Void> expect(long sequenceNumber, String exchange, String routingKey) {
        Pending entry = new Pending(exchange, routingKey);
        pending.put(sequenceNumber, entry);
        return entry.future;
    }

    /**
     * Stops tracking a publish that could not be sent.
     *
     * @param sequenceNumber its sequence number
     */
    void forget(long sequenceNumber) {
        pending.remove(sequenceNumber);
    }

    /**
     * Stops tracking a publish whose caller gave up waiting (a timeout). Scans the outstanding publishes, which is
     * fine for the rare timeout and keeps the hot path free of extra bookkeeping.
     *
     * @param confirm the future returned by {@link #expect}
     */
    void abandon(CompletableFuture<Void> confirm) {
        pending.values().removeIf(entry -> entry.future == confirm);
    }

    /** @return the number of publishes awaiting their confirm */
    int outstanding() {
        return pending.size();
    }

    /**
     * Fails every publish still awaiting its confirm, e.g. because the channel was closed.
     *
     * @param cause the failure handed to each waiting publish
     */
    void failAll(RuntimeException cause) {
        while (!pending.isEmpty()) {
            Map.Entry<Long, Pending> first = pending.pollFirstEntry();
            if (first != null) {
                first.getValue().future.completeExceptionally(cause);
            }
        }
    }

    @Override
    public void handleAck(long deliveryTag, boolean multiple) {
        settle(deliveryTag, multiple, false);
    }

    @Override
    public void handleNack(long deliveryTag, boolean multiple) {
        settle(deliveryTag, multiple, true);
    }

    private void settle(long deliveryTag, boolean multiple, boolean nacked) {
        if (!multiple) {
            complete(pending.remove(deliveryTag), nacked);
            return;
        }
        // Confirms arrive in order on the connection's thread; the head map is a live view, so drain it.
        for (Map.Entry<Long, Pending> first = pending.firstEntry(); first != null && first.getKey() <= deliveryTag;
             first = pending.firstEntry()) {
            complete(pending.remove(first.getKey()), nacked);
        }
    }

    private void complete(Pending entry, boolean nacked) {
        if (entry == null) {
            return; // abandoned after a timeout, or published around the tracker
        }
        counters.add(Measure.CONFIRM_WAIT, System.nanoTime() - entry.sentNanos);
        counters.increment(nacked ? Measure.NACKED : entry.returned != null ? Measure.RETURNED : Measure.CONFIRMED);
        if (nacked) {
            entry.future.completeExceptionally(new PublishNackedException("The broker refused (nack) the message "
                    + "published to " + entry.target() + "; it was not stored. Retry later; check the broker log "
                    + "and the queue's limits (max-length with overflow reject-publish)."));
        } else if (entry.returned != null) {
            entry.future.completeExceptionally(entry.returned);
        } else {
            entry.future.complete(null);
        }
    }

    @Override
    public void handle(Return returned) {
        OptionalLong sequence = ReturnCorrelation.sequenceOf(returned.getProperties());
        if (sequence.isEmpty()) {
            return;
        }
        Pending entry = pending.get(sequence.getAsLong());
        if (entry != null) {
            entry.returned = new PublishReturnedException("The mandatory message published to " + entry.target()
                    + " was returned by the broker: " + returned.getReplyCode() + " " + returned.getReplyText()
                    + ". No queue is bound for this routing key; declare and bind one, or check the routing key.",
                    returned.getReplyCode(), returned.getReplyText());
        }
    }
}
