// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import org.rabbitjca.api.monitoring.Measure;
import org.rabbitjca.api.monitoring.ResourceKind;
import org.rabbitjca.broker.Counters;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Envelope;
import org.junit.jupiter.api.Test;
import org.rabbitjca.settings.ConsumerSettings;
import org.rabbitjca.settings.QueueTopology;
import org.rabbitjca.settings.RetryPolicy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where a failed try goes and what its copy carries; the copies go through a fake publish channel. */
class FailedDeliveryRouterTest {

    private static final RetryPolicy FIVE_TRIES = new RetryPolicy(5, 1_000, 2.0, 5_000);

    private final Counters counters = new Counters(ResourceKind.BEAN);
    private final FakePublishChannel channel = new FakePublishChannel();
    private final ConfirmedPublisher publisher = new ConfirmedPublisher(channel::withGate, 1);

    @Test
    void aFirstFailureGoesToTheRetryQueueOfTheFirstDelayCountingOneTry() throws Exception {
        router(FIVE_TRIES, "").route(message(0), new IllegalStateException("boom"));

        FakePublishChannel.Published copy = onlyCopy();
        assertAll(() -> assertEquals("", copy.exchange()),
                () -> assertEquals("orders.retry.1000ms", copy.routingKey()),
                () -> assertEquals(1, copy.properties().getHeaders().get(DeliveredMessage.ATTEMPTS_HEADER)));
    }

    @Test
    void theRetryQueueIsChosenByTheAttemptUpToTheLongestDelay() throws Exception {
        FailedDeliveryRouter router = router(FIVE_TRIES, "");
        router.route(message(1), new IllegalStateException("boom"));
        router.route(message(2), new IllegalStateException("boom"));
        router.route(message(3), new IllegalStateException("boom"));

        assertEquals(List.of("orders.retry.2000ms", "orders.retry.4000ms", "orders.retry.5000ms"),
                channel.published().stream().map(FakePublishChannel.Published::routingKey).toList());
        assertAll(() -> assertEquals(3, counters.value(Measure.RETRIED)),
                () -> assertEquals(0, counters.value(Measure.DEAD_LETTERED)));
    }

    @Test
    void aRetryDelayOfZeroSendsTheCopyStraightBackToItsQueue() throws Exception {
        router(new RetryPolicy(3, 0, 2.0, 0), "").route(message(0), new IllegalStateException("boom"));

        assertEquals("orders", onlyCopy().routingKey());
    }

    @Test
    void theLastFailedTryIsDeadLetteredWithTheReasonAndWhereItCameFrom() throws Exception {
        long before = System.currentTimeMillis();
        router(FIVE_TRIES, "").route(message(4), new IllegalStateException("boom"));

        FakePublishChannel.Published copy = onlyCopy();
        Map<String, Object> headers = copy.properties().getHeaders();
        assertAll(() -> assertEquals(1, counters.value(Measure.DEAD_LETTERED)),
                () -> assertEquals(0, counters.value(Measure.RETRIED)),
                () -> assertEquals("", copy.exchange()),
                () -> assertEquals("orders.dlq", copy.routingKey()),
                () -> assertEquals(5, headers.get(DeliveredMessage.ATTEMPTS_HEADER)),
                () -> assertEquals("java.lang.IllegalStateException: boom",
                        headers.get(FailedDeliveryRouter.FAILURE_HEADER)),
                () -> assertEquals("orders", headers.get(FailedDeliveryRouter.ORIGINAL_QUEUE_HEADER)),
                () -> assertEquals("shop", headers.get(FailedDeliveryRouter.ORIGINAL_EXCHANGE_HEADER)),
                () -> assertEquals("eu.new", headers.get(FailedDeliveryRouter.ORIGINAL_ROUTING_KEY_HEADER)),
                () -> assertTrue((Long) headers.get(FailedDeliveryRouter.FAILED_AT_HEADER) >= before));
    }

    @Test
    void anUnreadableMessageIsDeadLetteredAtItsFirstFailureWithTheReason() throws Exception {
        router(FIVE_TRIES, "").route(message(0), new UnreadableMessageException("class x.Y is not trusted"));

        FakePublishChannel.Published copy = onlyCopy();
        assertAll(() -> assertEquals("orders.dlq", copy.routingKey()),
                () -> assertEquals(1, copy.properties().getHeaders().get(DeliveredMessage.ATTEMPTS_HEADER)),
                () -> assertEquals(UnreadableMessageException.class.getName() + ": class x.Y is not trusted",
                        copy.properties().getHeaders().get(FailedDeliveryRouter.FAILURE_HEADER)));
    }

    @Test
    void withRetriesOffTheFirstFailureIsDeadLettered() throws Exception {
        router(new RetryPolicy(1, 1_000, 2.0, 5_000), "").route(message(0), new IllegalStateException("boom"));

        FakePublishChannel.Published copy = onlyCopy();
        assertAll(() -> assertEquals("orders.dlq", copy.routingKey()),
                () -> assertEquals(1, copy.properties().getHeaders().get(DeliveredMessage.ATTEMPTS_HEADER)));
    }

    @Test
    void aNamedDeadLetterExchangeGetsTheDeadLetterRoutingKey() throws Exception {
        router(FIVE_TRIES, "failures").route(message(4), new IllegalStateException("boom"));

        FakePublishChannel.Published copy = onlyCopy();
        assertAll(() -> assertEquals("failures", copy.exchange()),
                () -> assertEquals("orders.dlq", copy.routingKey()));
    }

    @Test
    void aRetryCopyKeepsTheApplicationsPropertiesAndHeadersButNoFailureHeaders() throws Exception {
        router(FIVE_TRIES, "").route(message(0), new IllegalStateException("boom"));

        AMQP.BasicProperties copy = onlyCopy().properties();
        assertAll(() -> assertEquals("id-0", copy.getMessageId()),
                () -> assertEquals("kept", copy.getHeaders().get("app")),
                () -> assertFalse(copy.getHeaders().containsKey(FailedDeliveryRouter.FAILURE_HEADER)));
    }

    @Test
    void theReasonNamesTheRootCauseAndIsCutToAThousandCharacters() throws Exception {
        FailedDeliveryRouter router = router(new RetryPolicy(1, 0, 1.0, 0), "");
        router.route(message(0), new IllegalStateException("outer", new ArithmeticException("/ by zero")));
        router.route(message(0), new IllegalStateException("x".repeat(2_000)));

        List<Object> reasons = channel.published().stream()
                .map(copy -> copy.properties().getHeaders().get(FailedDeliveryRouter.FAILURE_HEADER)).toList();
        String cut = (String) reasons.get(1);
        assertAll(() -> assertEquals("java.lang.IllegalStateException: outer caused by java.lang.ArithmeticException: "
                        + "/ by zero", reasons.get(0)),
                () -> assertEquals(1_003, cut.length()),
                () -> assertTrue(cut.endsWith("xxx...")));
    }

    private FakePublishChannel.Published onlyCopy() {
        assertEquals(1, channel.published().size(), "one copy published");
        return channel.published().get(0);
    }

    private FailedDeliveryRouter router(RetryPolicy retry, String deadLetterExchange) {
        ConsumerSettings consumer = new ConsumerSettings("orders", new QueueTopology(false, "classic", null, "direct",
                List.of("orders"), true), 50, 10, retry, deadLetterExchange, "orders.dlq");
        return new FailedDeliveryRouter(consumer, publisher, "test", counters);
    }

    /** @return a delivery of queue 'orders' whose earlier tries failed {@code failedBefore} times */
    static DeliveredMessage message(int failedBefore) {
        Map<String, Object> headers = new HashMap<>(Map.of("app", "kept"));
        if (failedBefore > 0) {
            headers.put(DeliveredMessage.ATTEMPTS_HEADER, failedBefore);
        }
        return new DeliveredMessage("orders", new byte[0], new AMQP.BasicProperties.Builder().messageId("id-"
                + failedBefore).headers(headers).build(), new Envelope(7, false, "shop", "eu.new"));
    }
}
