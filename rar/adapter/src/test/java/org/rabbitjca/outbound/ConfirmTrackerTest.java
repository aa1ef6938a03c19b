// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.outbound;

import org.rabbitjca.api.monitoring.Measure;
import org.rabbitjca.api.monitoring.ResourceKind;
import org.rabbitjca.broker.Counters;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Return;
import org.junit.jupiter.api.Test;
import org.rabbitjca.broker.ReturnCorrelation;
import org.rabbitjca.api.ChannelClosedException;
import org.rabbitjca.api.PublishNackedException;
import org.rabbitjca.api.PublishReturnedException;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfirmTrackerTest {

    private final Counters counters = new Counters(ResourceKind.POOL);
    private final ConfirmTracker tracker = new ConfirmTracker("channel 1 on connection 'test'", counters);

    @Test
    void aMultipleAckConfirmsEveryPublishUpToItsTag() {
        CompletableFuture<Void> first = tracker.expect(1, "a", "key");
        CompletableFuture<Void> second = tracker.expect(2, "b", "key");
        CompletableFuture<Void> third = tracker.expect(3, "c", "key");

        tracker.handleAck(2, true);

        assertTrue(first.isDone() && !first.isCompletedExceptionally());
        assertTrue(second.isDone() && !second.isCompletedExceptionally());
        assertFalse(third.isDone());
        assertEquals(1, tracker.outstanding());
        assertEquals(2, counters.value(Measure.CONFIRMED));
        assertTrue(counters.value(Measure.CONFIRM_WAIT) > 0, "the wait of each is summed");
    }

    @Test
    void aNackFailsOnlyItsPublish() {
        CompletableFuture<Void> first = tracker.expect(1, "orders", "key");
        CompletableFuture<Void> second = tracker.expect(2, "b", "key");

        tracker.handleNack(1, false);

        assertInstanceOf(PublishNackedException.class, causeOf(first));
        assertTrue(causeOf(first).getMessage().contains("exchange 'orders'"));
        assertFalse(second.isDone());
        assertEquals(1, counters.value(Measure.NACKED));
        assertEquals(0, counters.value(Measure.CONFIRMED));
    }

    @Test
    void aReturnBeforeTheAckFailsThePublishAsReturned() {
        CompletableFuture<Void> returned = tracker.expect(7, "", "nowhere");
        AMQP.BasicProperties tagged = ReturnCorrelation.tag(
                new AMQP.BasicProperties.Builder().headers(Map.of("app", "kept")).build(), 7);

        tracker.handle(new Return(312, "NO_ROUTE", "", "nowhere", tagged, new byte[0]));
        tracker.handleAck(7, false);

        PublishReturnedException failure = assertInstanceOf(PublishReturnedException.class, causeOf(returned));
        assertEquals(312, failure.replyCode());
        assertEquals("NO_ROUTE", failure.replyText());
        assertEquals("kept", tagged.getHeaders().get("app"), "the application's headers stay");
        assertEquals(1, counters.value(Measure.RETURNED));
        assertEquals(0, counters.value(Measure.CONFIRMED), "a returned message is not counted as confirmed");
    }

    @Test
    void aClosedChannelFailsEveryWaitingPublish() {
        CompletableFuture<Void> first = tracker.expect(1, "a", "key");
        CompletableFuture<Void> second = tracker.expect(2, "b", "key");
        ChannelClosedException closed = new ChannelClosedException("closed", 404, "NOT_FOUND", null);

        tracker.failAll(closed);

        assertEquals(closed, causeOf(first));
        assertEquals(closed, causeOf(second));
        assertEquals(0, tracker.outstanding());
    }

    @Test
    void anAbandonedPublishIsNoLongerTracked() {
        CompletableFuture<Void> late = tracker.expect(1, "a", "key");

        tracker.abandon(late);

        assertEquals(0, tracker.outstanding());
    }

    @Test
    void aLateAckOrNackForAnAbandonedPublishIsHarmless() {
        CompletableFuture<Void> late = tracker.expect(1, "a", "key");
        tracker.abandon(late);

        tracker.handleAck(1, false);
        tracker.handleNack(1, false);

        assertFalse(late.isDone(), "its caller already got the timeout");
        assertEquals(0, tracker.outstanding());
    }

    @Test
    void aLateMultipleAckStillConfirmsThePublishesAroundAnAbandonedOne() {
        CompletableFuture<Void> first = tracker.expect(1, "a", "key");
        CompletableFuture<Void> late = tracker.expect(2, "b", "key");
        CompletableFuture<Void> third = tracker.expect(3, "c", "key");
        tracker.abandon(late);

        tracker.handleAck(3, true);

        assertTrue(first.isDone() && !first.isCompletedExceptionally());
        assertTrue(third.isDone() && !third.isCompletedExceptionally());
        assertEquals(0, tracker.outstanding());
    }

    private static Throwable causeOf(CompletableFuture<Void> future) {
        return assertThrows(ExecutionException.class, future::get).getCause();
    }
}
