// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import org.rabbitjca.api.monitoring.Measure;
import org.rabbitjca.api.monitoring.ResourceKind;
import org.rabbitjca.broker.Counters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rabbitjca.settings.ConsumerSettings;
import org.rabbitjca.settings.QueueTopology;
import org.rabbitjca.settings.RetryPolicy;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How a delivery is settled on its consumer channel, and that a failed try whose copy the broker did not take is
 * never acknowledged: it goes back to its queue, without counting the try.
 */
class SettlementTest {

    private final Counters counters = new Counters(ResourceKind.BEAN);
    private final RecordingChannel consumer = new RecordingChannel();
    private final FakePublishChannel publish = new FakePublishChannel();
    private final FailedDeliveryRouter router = new FailedDeliveryRouter(new ConsumerSettings("orders",
            new QueueTopology(false, "classic", null, "direct", List.of("orders"), true), 50, 10,
            new RetryPolicy(5, 1_000, 2.0, 60_000), "", "orders.dlq"), new ConfirmedPublisher(publish::withGate, 1),
            "test", counters);
    private final Settlement settlement = new Settlement(consumer.channel(), router, () -> false, "test", counters);

    @AfterEach
    void clearTheInterruptFlag() {
        Thread.interrupted();
    }

    @Test
    void aSuccessfulDeliveryIsAcknowledged() {
        settlement.ack(FailedDeliveryRouterTest.message(0));

        assertAll(() -> assertEquals(List.of("ack 7"), consumer.settled()),
                () -> assertEquals(1, counters.value(Measure.ACKNOWLEDGED)));
    }

    @Test
    void aFailedTryIsAcknowledgedOnceItsCopyIsInTheRetryQueue() {
        settlement.fail(FailedDeliveryRouterTest.message(0), new IllegalStateException("boom"));

        assertAll(() -> assertEquals("orders.retry.1000ms", publish.published().get(0).routingKey()),
                () -> assertEquals(List.of("ack 7"), consumer.settled()),
                () -> assertEquals(1, counters.value(Measure.RETRIED)),
                () -> assertEquals(0, counters.value(Measure.ACKNOWLEDGED), "a failed try is not a processed one"));
    }

    @Test
    void whileTheBrokerBlocksPublishersAFailedTryGoesBackToItsQueueUnsentAndUncounted() {
        publish.gate().handleBlocked("low on memory");

        settlement.fail(FailedDeliveryRouterTest.message(0), new IllegalStateException("boom"));

        assertAll(() -> assertEquals(List.of(), publish.published(), "no copy written into the blocked socket"),
                () -> assertEquals(List.of("requeue 7"), consumer.settled(), "requeued, not acknowledged"),
                () -> assertEquals(0, counters.value(Measure.RETRIED), "nothing was sent to be retried"));
    }

    @Test
    void aCopyTheBrokerRoutesNowhereLeavesTheOriginalInItsQueue() {
        publish.answer(FakePublishChannel.Outcome.RETURN); // e.g. a retry queue that does not exist

        settlement.fail(FailedDeliveryRouterTest.message(0), new IllegalStateException("boom"));

        assertEquals(List.of("requeue 7"), consumer.settled());
    }

    @Test
    void aCopyNotConfirmedInTimeLeavesTheOriginalInItsQueue() {
        publish.answer(FakePublishChannel.Outcome.TIME_OUT);

        settlement.fail(FailedDeliveryRouterTest.message(4), new IllegalStateException("boom"));

        assertEquals(List.of("requeue 7"), consumer.settled());
    }

    @Test
    void anInterruptedRoutingRequeuesTheOriginalAndKeepsTheInterrupt() {
        publish.answer(FakePublishChannel.Outcome.INTERRUPT);

        settlement.fail(FailedDeliveryRouterTest.message(0), new IllegalStateException("boom"));

        assertAll(() -> assertEquals(List.of("requeue 7"), consumer.settled()),
                () -> assertTrue(Thread.currentThread().isInterrupted()));
    }

    @Test
    void aFailedTryOnAClosedChannelSendsNoCopyTheBrokerRedeliversTheOriginal() {
        consumer.close();

        settlement.fail(FailedDeliveryRouterTest.message(0), new IllegalStateException("boom"));

        assertAll(() -> assertEquals(List.of(), publish.published()),
                () -> assertEquals(List.of(), consumer.settled()));
    }

    @Test
    void aRollbackWhileTheSessionRunsIsAFailedTry() {
        settlement.rolledBack(FailedDeliveryRouterTest.message(0));

        assertAll(() -> assertEquals("orders.retry.1000ms", publish.published().get(0).routingKey()),
                () -> assertEquals(List.of("ack 7"), consumer.settled()),
                () -> assertEquals(1, counters.value(Measure.RETRIED)),
                () -> assertEquals(0, counters.value(Measure.ACKNOWLEDGED), "a failed try is not a processed one"));
    }
}
